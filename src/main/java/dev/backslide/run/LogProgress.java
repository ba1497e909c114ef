package dev.backslide.run;

import dev.backslide.endpoint.EndpointStats;
import dev.backslide.endpoint.Role;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Prints a plain progress line at a fixed interval (suitable for CI logs): calls done of total per
 * endpoint, rate, ETA, errors and, when the endpoints' traffic is given, retries. {@link
 * #forConsole} picks the live {@link TerminalProgress} line instead when output is a terminal.
 */
public final class LogProgress implements Progress {
  /** The interval of the plain line when output is not a terminal. */
  public static final Duration LOG_INTERVAL = Duration.ofSeconds(10);

  private final PrintStream out;
  private final Duration interval;
  private final ProgressCounts counts;
  private @Nullable ScheduledExecutorService timer;

  public LogProgress(PrintStream out, Duration interval) {
    this(out, interval, null);
  }

  /**
   * @param traffic each endpoint's counters, to show retries; null to leave them out
   */
  public LogProgress(
      PrintStream out, Duration interval, @Nullable Function<Role, EndpointStats> traffic) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive but was " + interval);
    }
    this.out = out;
    this.interval = interval;
    this.counts = new ProgressCounts(traffic);
  }

  /**
   * A live line on a terminal ({@link System#console()} is there and {@code TERM} is not {@code
   * dumb}), else a plain line every {@link #LOG_INTERVAL}.
   *
   * @param traffic each endpoint's counters, to show retries
   */
  public static Progress forConsole(PrintStream out, Function<Role, EndpointStats> traffic) {
    boolean terminal = System.console() != null && !"dumb".equals(System.getenv("TERM"));
    return terminal
        ? new TerminalProgress(out, TerminalProgress.REFRESH, traffic)
        : new LogProgress(out, LOG_INTERVAL, traffic);
  }

  @Override
  public synchronized void start(int callsPerEndpoint) {
    counts.start(callsPerEndpoint);
    timer = ProgressCounts.every(interval, interval, () -> out.println(line()));
  }

  @Override
  public void done(Role role, boolean ok) {
    counts.done(role, ok);
  }

  @Override
  public void stoppedEarly(int look, int callsPerEndpoint) {
    counts.stoppedEarly(look, callsPerEndpoint);
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
    return "[backslide] " + counts.line(System.nanoTime());
  }
}
