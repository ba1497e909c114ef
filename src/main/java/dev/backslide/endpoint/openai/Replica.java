package dev.backslide.endpoint.openai;

/**
 * One base URL of an endpoint, as the scheduler sees it: requests in flight, its adaptive limit and
 * its health. A replica that fails {@value #EJECT_AFTER} times in a row (connection failures,
 * timeouts, 5xx; not 429 or other 4xx) is taken out for a cool-down that doubles each time it is
 * taken out again, from {@link #FIRST_COOL_DOWN_NANOS} to {@link #MAX_COOL_DOWN_NANOS}; one answer
 * brings it back for good. Guarded by the scheduler's lock.
 */
final class Replica {
  static final int EJECT_AFTER = 3;
  static final long FIRST_COOL_DOWN_NANOS = 5_000_000_000L;
  static final long MAX_COOL_DOWN_NANOS = 60_000_000_000L;

  final int index;
  final String base;
  final AdaptiveLimit limit;
  int inFlight;
  long answered;
  long failures;
  private int failuresInARow;
  private int ejections;
  private long outUntil;
  private boolean out;

  Replica(int index, String base, AdaptiveLimit limit) {
    this.index = index;
    this.base = base;
    this.limit = limit;
  }

  /** Whether it may take requests at {@code now}. */
  boolean healthy(long now) {
    if (out && now - outUntil >= 0) {
      out = false; // on probation: the next failure in a row takes it out again
      failuresInARow = EJECT_AFTER - 1;
    }
    return !out;
  }

  /** Whether it has room for one more request. */
  boolean hasRoom() {
    return inFlight < limit.current();
  }

  /** Share of its limit in use: the least loaded replica is chosen. */
  double load() {
    return (double) inFlight / limit.current();
  }

  void succeeded() {
    answered++;
    failuresInARow = 0;
    ejections = 0;
  }

  /** A failure that says the replica is unwell; true when it is taken out by it. */
  boolean failed(long now) {
    failures++;
    if (++failuresInARow < EJECT_AFTER || out) {
      return false;
    }
    long coolDown = Math.min(MAX_COOL_DOWN_NANOS, FIRST_COOL_DOWN_NANOS << Math.min(ejections, 4));
    ejections++;
    out = true;
    outUntil = now + coolDown;
    return true;
  }

  boolean out() {
    return out;
  }
}
