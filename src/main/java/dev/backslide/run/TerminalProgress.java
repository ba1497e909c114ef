package dev.backslide.run;

import dev.backslide.endpoint.EndpointStats;
import dev.backslide.endpoint.Role;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A live progress line for a terminal: rewritten in place ({@code \r}, then the rest of the old
 * line cleared) a few times a second, and left on screen with a newline when the run finishes.
 */
public final class TerminalProgress implements Progress {
  /** How often the line is redrawn. */
  public static final Duration REFRESH = Duration.ofMillis(250);

  private static final String CLEAR_TO_END = "\u001b[K";

  private final PrintStream out;
  private final Duration refresh;
  private final ProgressCounts counts;
  private @Nullable ScheduledExecutorService timer;

  /**
   * @param traffic each endpoint's counters, to show retries; null to leave them out
   */
  public TerminalProgress(
      PrintStream out, Duration refresh, @Nullable Function<Role, EndpointStats> traffic) {
    if (refresh.isNegative() || refresh.isZero()) {
      throw new IllegalArgumentException("refresh must be positive but was " + refresh);
    }
    this.out = out;
    this.refresh = refresh;
    this.counts = new ProgressCounts(traffic);
  }

  @Override
  public synchronized void start(int callsPerEndpoint) {
    counts.start(callsPerEndpoint);
    timer = ProgressCounts.every(Duration.ZERO, refresh, this::draw);
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
    draw();
    out.print('\n');
    out.flush();
  }

  private synchronized void draw() {
    out.print("\r[backslide] " + counts.line(System.nanoTime()) + CLEAR_TO_END);
    out.flush();
  }
}
