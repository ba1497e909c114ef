package dev.backslide.bench;

/**
 * How late the load server wrote its answers, after their latency was up: a histogram in
 * microseconds, written by the server's one thread and read once it has stopped. A server that is
 * late adds its lateness to every round of requests, so the benchmark reports it beside the
 * client's figures.
 */
final class Lateness {
  private static final int BUCKETS = 100_000; // 0.1 s in microseconds; later counts as the last

  private final long[] counts = new long[BUCKETS];
  private long n;
  private long sumNanos;
  private long maxNanos;

  /**
   * @param p50Micros the median lateness
   * @param p90Micros the 90th percentile
   * @param p99Micros the 99th percentile
   * @param maxMicros the largest
   * @param meanMicros the mean
   * @param answers how many answers were written late or on time
   */
  record Summary(
      long p50Micros,
      long p90Micros,
      long p99Micros,
      long maxMicros,
      double meanMicros,
      long answers) {
    @Override
    public String toString() {
      return String.format(
          java.util.Locale.ROOT,
          "%d answers, late by %.0f us on average (p50 %d, p90 %d, p99 %d, max %d us)",
          answers,
          meanMicros,
          p50Micros,
          p90Micros,
          p99Micros,
          maxMicros);
    }
  }

  void add(long lateNanos) {
    long late = Math.max(0, lateNanos);
    counts[(int) Math.min(BUCKETS - 1, late / 1000)]++;
    n++;
    sumNanos += late;
    maxNanos = Math.max(maxNanos, late);
  }

  void reset() {
    java.util.Arrays.fill(counts, 0);
    n = 0;
    sumNanos = 0;
    maxNanos = 0;
  }

  Summary summary() {
    return new Summary(
        percentile(0.5),
        percentile(0.9),
        percentile(0.99),
        maxNanos / 1000,
        n == 0 ? 0 : sumNanos / 1000.0 / n,
        n);
  }

  private long percentile(double q) {
    long rank = (long) Math.ceil(q * n);
    long seen = 0;
    for (int i = 0; i < BUCKETS; i++) {
      seen += counts[i];
      if (seen >= rank && seen > 0) {
        return i;
      }
    }
    return 0;
  }
}
