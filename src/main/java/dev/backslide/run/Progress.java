package dev.backslide.run;

import dev.backslide.endpoint.Role;

/** Told how a run advances; implementations print progress lines. Thread-safe. */
public interface Progress {
  /** The run starts with {@code callsPerEndpoint} calls to make on each endpoint. */
  void start(int callsPerEndpoint);

  /** One call of {@code role} finished, successfully or not. */
  void done(Role role, boolean ok);

  /**
   * The stopping rule ended the run after look {@code look}, with only {@code callsPerEndpoint} of
   * the planned calls asked on each endpoint; told before {@link #finish()}, so that the last line
   * does not read as a run that fell short of its total.
   */
  default void stoppedEarly(int look, int callsPerEndpoint) {}

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
