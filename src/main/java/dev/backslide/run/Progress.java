package dev.backslide.run;

import dev.backslide.endpoint.Role;

/** Told how a run advances; implementations print progress lines. Thread-safe. */
public interface Progress {
  /** The run starts with {@code callsPerEndpoint} calls to make on each endpoint. */
  void start(int callsPerEndpoint);

  /** One call of {@code role} finished, successfully or not. */
  void done(Role role, boolean ok);

  /** Every call has finished. */
  void finish();

  /** A progress that says nothing. */
  Progress SILENT =
      new Progress() {
        @Override
        public void start(int callsPerEndpoint) {}

        @Override
        public void done(Role role, boolean ok) {}

        @Override
        public void finish() {}
      };
}
