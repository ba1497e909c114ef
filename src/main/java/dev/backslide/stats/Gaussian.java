package dev.backslide.stats;

import org.apache.commons.math3.special.Erf;

/** The standard normal distribution, computed so that far tails keep their relative accuracy. */
final class Gaussian {
  private static final double SQRT2 = Math.sqrt(2);
  private static final double SQRT2PI = Math.sqrt(2 * Math.PI);

  private Gaussian() {}

  /** Phi(x) = P(Z <= x). */
  static double cdf(double x) {
    return 0.5 * Erf.erfc(-x / SQRT2);
  }

  /** 1 - Phi(x) = P(Z > x), without cancellation for large x. */
  static double upperTail(double x) {
    return 0.5 * Erf.erfc(x / SQRT2);
  }

  /** The density phi(x). */
  static double pdf(double x) {
    return Math.exp(-0.5 * x * x) / SQRT2PI;
  }

  /** The quantile z(p) = Phi^-1(p) for p in (0, 1). */
  static double quantile(double p) {
    return SQRT2 * Erf.erfInv(2 * p - 1);
  }
}
