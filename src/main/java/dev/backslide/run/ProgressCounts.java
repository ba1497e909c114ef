package dev.backslide.run;

import dev.backslide.endpoint.EndpointStats;
import dev.backslide.endpoint.Role;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The counts a progress line shows, per endpoint: calls done of total, rate, ETA, failures and,
 * when the endpoints' traffic is known, retries. Thread-safe.
 */
final class ProgressCounts {
  private final AtomicLongArray done = new AtomicLongArray(Role.values().length);
  private final AtomicLongArray failed = new AtomicLongArray(Role.values().length);
  private final @Nullable Function<Role, EndpointStats> traffic;
  private volatile int total;
  private volatile long startNanos = System.nanoTime();

  /**
   * @param traffic each endpoint's counters, for retries; null when not known
   */
  ProgressCounts(@Nullable Function<Role, EndpointStats> traffic) {
    this.traffic = traffic;
  }

  void start(int callsPerEndpoint) {
    total = callsPerEndpoint;
    startNanos = System.nanoTime();
  }

  void done(Role role, boolean ok) {
    done.incrementAndGet(role.ordinal());
    if (!ok) {
      failed.incrementAndGet(role.ordinal());
    }
  }

  /** "reference 120/300 (40.0/s, ETA 4s, 0 failed, 2 retries) | candidate ...". */
  String line(long nowNanos) {
    double seconds = Math.max(1e-9, (nowNanos - startNanos) / 1e9);
    StringBuilder text = new StringBuilder();
    for (Role role : Role.compared()) {
      long d = done.get(role.ordinal());
      double rate = d / seconds;
      long eta = rate > 0 ? Math.round((total - d) / rate) : -1;
      text.append(role == Role.REFERENCE ? "" : " | ")
          .append(
              String.format(
                  Locale.ROOT,
                  "%s %d/%d (%.1f/s, ETA %s, %d failed",
                  role,
                  d,
                  total,
                  rate,
                  eta < 0 ? "?" : eta + "s",
                  failed.get(role.ordinal())));
      if (traffic != null) {
        text.append(", ").append(retries(role)).append(" retries");
      }
      text.append(')');
    }
    return text.toString();
  }

  private long retries(Role role) {
    try {
      return traffic == null ? 0 : traffic.apply(role).retries();
    } catch (RuntimeException e) {
      return 0; // progress never fails a run
    }
  }
}
