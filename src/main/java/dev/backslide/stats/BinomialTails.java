package dev.backslide.stats;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Binomial point and tail probabilities from {@link BinomialDistribution}, with tails summed term
 * by term from the far end so that p values of 1e-30 keep their digits (one minus the distribution
 * function would return 0).
 */
final class BinomialTails {
  private final BinomialDistribution distribution;
  private final int trials;

  private BinomialTails(int trials, double p) {
    // A null generator: these objects never sample, and seeding a Well19937c per call is slow.
    this.distribution = new BinomialDistribution(null, trials, p);
    this.trials = trials;
  }

  /** Bin(trials, p). */
  static BinomialTails of(int trials, double p) {
    return new BinomialTails(trials, p);
  }

  /** P(X = k); 0 outside [0, trials]. */
  double probability(int k) {
    return k < 0 || k > trials ? 0 : distribution.probability(k);
  }

  /** P(X >= k), in [0, 1]. */
  double atLeast(int k) {
    if (k <= 0) {
      return 1;
    }
    double sum = 0;
    for (int i = trials; i >= k; i--) {
      sum += distribution.probability(i);
    }
    return Math.min(1, sum);
  }

  /** P(X <= k), in [0, 1]. */
  double atMost(int k) {
    if (k >= trials) {
      return 1;
    }
    double sum = 0;
    for (int i = 0; i <= k; i++) {
      sum += distribution.probability(i);
    }
    return Math.min(1, sum);
  }
}
