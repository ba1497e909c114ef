package dev.backslide.pipeline;

import dev.backslide.endpoint.EndpointSpec;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * The threads that score answers, off the HTTP threads. Scorers that only compute need a thread per
 * core; a judge is a call that waits, so with one there are as many scoring threads as judge calls
 * may be in flight.
 */
final class ScoringPool {
  private ScoringPool() {}

  /** How many scoring threads: the cores, or the judge's concurrency when that is more. */
  static int threads(int cores, @Nullable EndpointSpec judge) {
    return Math.max(cores, judge == null ? 1 : judge.concurrency());
  }

  /** A fixed pool of daemon threads named {@code backslide-scoring}; shut it down after the run. */
  static ExecutorService open(@Nullable EndpointSpec judge) {
    return Executors.newFixedThreadPool(
        threads(Runtime.getRuntime().availableProcessors(), judge),
        r -> {
          Thread t = new Thread(r, "backslide-scoring");
          t.setDaemon(true);
          return t;
        });
  }
}
