package dev.backslide.endpoint.openai;

/**
 * How many requests one replica may have in flight: additive increase, multiplicative decrease
 * (AIMD). It starts at the configured maximum, which it never exceeds. A 429 multiplies it by
 * {@value #DECREASE_ON_429}, a smoothed latency above {@code tolerance} times the lowest seen by
 * {@value #DECREASE_ON_LATENCY}, at most once per round trip (only answers to requests sent after
 * the last decrease count); each answer in time while the limit is all in use adds {@code 1 /
 * limit}, about one more request per round trip, up to one below the limit at the last decrease,
 * and {@value #PROBE_SLOWDOWN} times slower beyond it: the limit comes back quickly to what worked,
 * and probes past what did not only now and then (each probe that finds the server's cap costs a
 * request a {@code Retry-After} wait, which at the end of a run is added to its wall time).
 *
 * <p>Latency is judged twice, as it is and per output token, and only climbs when both climb: a
 * task with longer answers raises the first alone, one with shorter answers the second alone, while
 * a queue in front of the model raises both. Not thread-safe: its replica's lock guards it.
 */
final class AdaptiveLimit {
  static final double DECREASE_ON_429 = 0.75;
  static final double DECREASE_ON_LATENCY = 0.9;

  /** How much slower the limit grows beyond its value at the last decrease. */
  static final int PROBE_SLOWDOWN = 8;

  /** A climb counts once it has lasted this many times the lowest smoothed latency. */
  static final int SUSTAINED = 3;

  /** Answers before latency is judged. */
  static final int WARM_UP = 20;

  /**
   * A smaller climb is jitter, not a queue: loopback servers, tiny models, a busy client machine.
   */
  static final double MIN_CLIMB_MILLIS = 100;

  /** Weight of a new latency in the smoothed latency. */
  static final double SMOOTHING = 0.1;

  private final int max;
  private final boolean adaptive;
  private final double tolerance;
  private double limit;
  private long lastDecrease;
  private double ceiling = Double.MAX_VALUE;
  private long climbingSince;
  private boolean climbing;
  private int samples;
  private double latency;
  private double perToken;
  private double lowestLatency = Double.MAX_VALUE;
  private double lowestPerToken = Double.MAX_VALUE;
  private long decreases;

  /**
   * @param max the hard cap, 1 or more
   * @param adaptive false to stay at {@code max}
   * @param tolerance latency climb that counts, above 1; 0 to ignore latency
   */
  AdaptiveLimit(int max, boolean adaptive, double tolerance) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1 but was " + max);
    }
    this.max = max;
    this.adaptive = adaptive;
    this.tolerance = tolerance;
    this.limit = max;
  }

  /** Requests that may be in flight now, 1 to max. */
  int current() {
    return (int) limit;
  }

  /** How often the limit was lowered. */
  long decreases() {
    return decreases;
  }

  /**
   * An answer in time.
   *
   * @param sentAt {@link System#nanoTime()} when the request was sent
   * @param now {@link System#nanoTime()} now
   * @param outputTokens the completion's tokens, or -1 when the endpoint did not say
   * @param saturated whether the limit was in use (all of it in flight): only then is it raised, so
   *     that a run's quiet tail does not lift it beyond what was tried
   */
  void onAnswer(long sentAt, long now, int outputTokens, boolean saturated) {
    if (!adaptive) {
      return;
    }
    double millis = (now - sentAt) / 1e6;
    double tokenMillis = outputTokens < 0 ? millis : millis / (outputTokens + 1);
    if (samples++ == 0) {
      latency = millis;
      perToken = tokenMillis;
    } else {
      latency += SMOOTHING * (millis - latency);
      perToken += SMOOTHING * (tokenMillis - perToken);
    }
    if (samples >= WARM_UP) {
      lowestLatency = Math.min(lowestLatency, latency);
      lowestPerToken = Math.min(lowestPerToken, perToken);
      boolean climb =
          tolerance > 0
              && latency > tolerance * lowestLatency
              && latency - lowestLatency > MIN_CLIMB_MILLIS
              && perToken > tolerance * lowestPerToken;
      if (climb && !climbing) {
        climbing = true;
        climbingSince = now;
      }
      climbing = climb;
      if (climb && now - climbingSince > SUSTAINED * lowestLatency * 1e6) {
        decrease(sentAt, now, DECREASE_ON_LATENCY);
        return;
      }
    }
    if (saturated) {
      double step = limit + 1 < ceiling ? 1 / limit : 1 / (PROBE_SLOWDOWN * limit);
      limit = Math.min(max, limit + step);
    }
  }

  /** A 429: too many requests. */
  void onRateLimited(long sentAt, long now) {
    if (adaptive) {
      decrease(sentAt, now, DECREASE_ON_429);
    }
  }

  private void decrease(long sentAt, long now, double factor) {
    if (decreases > 0 && sentAt - lastDecrease <= 0) {
      return; // sent before the last decrease: already accounted for
    }
    ceiling = limit;
    limit = Math.max(1, limit * factor);
    lastDecrease = now;
    decreases++;
  }
}
