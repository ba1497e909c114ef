package dev.backslide.run;

import dev.backslide.endpoint.EndpointStats;
import dev.backslide.endpoint.Role;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
  private volatile @Nullable Stop stop;
  private volatile long startNanos = System.nanoTime();

  /**
   * @param traffic each endpoint's counters, for retries; null when not known
   */
  ProgressCounts(@Nullable Function<Role, EndpointStats> traffic) {
    this.traffic = traffic;
  }

  /**
   * Runs {@code print} every {@code period} on a daemon thread of its own, the first after {@code
   * delay}.
   */
  static ScheduledExecutorService every(Duration delay, Duration period, Runnable print) {
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "backslide-progress");
              thread.setDaemon(true);
              return thread;
            });
    timer.scheduleAtFixedRate(print, delay.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    return timer;
  }

  void start(int callsPerEndpoint) {
    total = callsPerEndpoint;
    stop = null;
    startNanos = System.nanoTime();
  }

  /** The run stopped after {@code look} with {@code callsPerEndpoint} calls asked on each side. */
  void stoppedEarly(int look, int callsPerEndpoint) {
    stop = new Stop(look, callsPerEndpoint, total);
  }

  /** Where a run stopped early: the calls asked become the total, the plan is still shown. */
  private record Stop(int look, int asked, int planned) {}

  void done(Role role, boolean ok) {
    done.incrementAndGet(role.ordinal());
    if (!ok) {
      failed.incrementAndGet(role.ordinal());
    }
  }

  /**
   * "reference 120/300 (40.0/s, ETA 4s, 0 failed, 2 retries) | candidate ...", ending in "| stopped
   * early at look 1: 120 of 300 planned calls" once the run stopped early.
   */
  String line(long nowNanos) {
    double seconds = Math.max(1e-9, (nowNanos - startNanos) / 1e9);
    Stop s = stop; // read once, so the total and the note agree
    int calls = s == null ? total : s.asked();
    StringBuilder text = new StringBuilder();
    for (Role role : Role.compared()) {
      long d = done.get(role.ordinal());
      double rate = d / seconds;
      long eta = rate > 0 ? Math.round((calls - d) / rate) : -1;
      text.append(role == Role.REFERENCE ? "" : " | ")
          .append(
              String.format(
                  Locale.ROOT,
                  "%s %d/%d (%.1f/s, ETA %s, %d failed",
                  role,
                  d,
                  calls,
                  rate,
                  eta < 0 ? "?" : eta + "s",
                  failed.get(role.ordinal())));
      if (traffic != null) {
        text.append(", ").append(retries(role)).append(" retries");
      }
      text.append(')');
    }
    if (s != null) {
      text.append(
          String.format(
              Locale.ROOT,
              " | stopped early at look %d: %d of %d planned calls",
              s.look(),
              s.asked(),
              s.planned()));
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
