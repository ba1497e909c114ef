package dev.backslide.run;

import dev.backslide.endpoint.Role;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prints a plain progress line at a fixed interval (suitable for CI logs): calls done of total per
 * endpoint, rate, ETA and errors.
 */
public final class LogProgress implements Progress {
  private final PrintStream out;
  private final Duration interval;
  private final AtomicLong[] done = {new AtomicLong(), new AtomicLong()};
  private final AtomicLong[] failed = {new AtomicLong(), new AtomicLong()};
  private volatile int total;
  private volatile long startNanos;
  private ScheduledExecutorService timer;

  public LogProgress(PrintStream out, Duration interval) {
    this.out = out;
    this.interval = interval;
  }

  @Override
  public synchronized void start(int callsPerEndpoint) {
    total = callsPerEndpoint;
    startNanos = System.nanoTime();
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "backslide-progress");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleAtFixedRate(
        () -> out.println(line()), interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void done(Role role, boolean ok) {
    done[role.ordinal()].incrementAndGet();
    if (!ok) {
      failed[role.ordinal()].incrementAndGet();
    }
  }

  @Override
  public synchronized void finish() {
    if (timer != null) {
      timer.shutdownNow();
    }
    out.println(line());
  }

  /** "[backslide] reference 120/300 (40.0/s, ETA 4s, 0 failed) | candidate ...". */
  String line() {
    double seconds = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
    StringBuilder text = new StringBuilder("[backslide]");
    for (Role role : Role.values()) {
      long d = done[role.ordinal()].get();
      double rate = d / seconds;
      long eta = rate > 0 ? Math.round((total - d) / rate) : -1;
      text.append(role == Role.REFERENCE ? " " : " | ")
          .append(
              String.format(
                  Locale.ROOT,
                  "%s %d/%d (%.1f/s, ETA %s, %d failed)",
                  role,
                  d,
                  total,
                  rate,
                  eta < 0 ? "?" : eta + "s",
                  failed[role.ordinal()].get()));
    }
    return text.toString();
  }
}
