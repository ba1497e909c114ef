package dev.backslide.endpoint.openai;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Bounds the number of requests in flight: work beyond the limit waits in a FIFO queue and starts
 * as soon as a slot is released. Never blocks a thread.
 */
final class InFlightLimiter {
  private final int limit;
  private final Deque<Runnable> waiting = new ArrayDeque<>();
  private int inFlight;
  private int peak;

  InFlightLimiter(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1 but was " + limit);
    }
    this.limit = limit;
  }

  /** Runs {@code start} now if a slot is free, else when one is released. */
  void submit(Runnable start) {
    boolean runNow;
    synchronized (this) {
      runNow = inFlight < limit;
      if (runNow) {
        inFlight++;
        peak = Math.max(peak, inFlight);
      } else {
        waiting.addLast(start);
      }
    }
    if (runNow) {
      start.run();
    }
  }

  /** Frees a slot, starting the next waiting piece of work in it. */
  void release() {
    Runnable next;
    synchronized (this) {
      next = waiting.pollFirst();
      if (next == null) {
        inFlight--;
      }
    }
    if (next != null) {
      next.run();
    }
  }

  synchronized int peak() {
    return peak;
  }
}
