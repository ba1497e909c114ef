package dev.backslide.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Student-t p values and bounds for a mean with a standard error, with the guard of STATISTICS.md
 * section 3 for a standard error of 0: then the one-sided p is 1 if {@code mean <= 0} and 0
 * otherwise, and every bound is the mean itself (Commons Math {@code TTest} returns NaN or 0 here
 * instead).
 */
final class TInference {
  private static final double INVERSE_ACCURACY = 1e-12;

  private TInference() {}

  /** t = mean / se; with se = 0 it is 0 for a zero mean and infinite with the mean's sign. */
  static double t(double mean, double se) {
    if (se == 0) {
      return mean == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, mean);
    }
    return mean / se;
  }

  /** One-sided p for H1 mean > 0: P(T_df >= t). */
  static double oneSidedP(double mean, double se, double df) {
    if (se == 0) {
      return mean <= 0 ? 1 : 0;
    }
    return distribution(df).cumulativeProbability(-mean / se);
  }

  /** Two-sided p: 2 * P(T_df >= |t|), capped at 1. */
  static double twoSidedP(double mean, double se, double df) {
    if (se == 0) {
      return mean == 0 ? 1 : 0;
    }
    return Math.min(1, 2 * distribution(df).cumulativeProbability(-Math.abs(mean / se)));
  }

  /** One-sided upper bound mean + t(df, 1 - alpha) * se. */
  static double upperBound(double mean, double se, double df, double alpha) {
    Checks.alpha(alpha);
    if (se == 0) {
      return mean;
    }
    return mean + distribution(df).inverseCumulativeProbability(1 - alpha) * se;
  }

  /** Two-sided interval mean -+ t(df, 1 - (1 - level) / 2) * se. */
  static Interval interval(double mean, double se, double df, double level) {
    Checks.level(level);
    if (se == 0) {
      return new Interval(mean, mean);
    }
    double half = distribution(df).inverseCumulativeProbability(1 - (1 - level) / 2) * se;
    return new Interval(mean - half, mean + half);
  }

  private static TDistribution distribution(double df) {
    return new TDistribution(null, df, INVERSE_ACCURACY);
  }
}
