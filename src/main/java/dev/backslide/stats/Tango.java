package dev.backslide.stats;

/**
 * Tango's (1998) score test and confidence bounds for the difference of two paired proportions.
 *
 * <p>With {@code b} items A got right and B wrong, {@code c} items A got wrong and B right, out of
 * {@code n}, the difference is {@code delta = (b - c) / n} (positive when B is worse). The score
 * statistic at a hypothesised difference {@code theta} is, as STATISTICS.md section 3 writes it,
 *
 * <pre>
 * S = (b - c) - n*theta;  A = 2n;  B = -b - c + (2n - b + c)*theta;  C = -c*theta*(1 - theta)
 * p~ = (-B + sqrt(B^2 - 4AC)) / (2A);  Z = S / sqrt(n * (2p~ + theta*(1 - theta)))
 * </pre>
 *
 * <p>{@code p~} is the maximum-likelihood estimate of P(A wrong, B right) under {@code delta =
 * theta}. Unlike a Wald interval the statistic stays usable when a discordant cell is 0. At {@code
 * theta = 0} it equals the McNemar z, {@code (b - c) / sqrt(b + c)}. {@code Z} decreases in {@code
 * theta}; the bounds invert it by bisection to 1e-12.
 */
public final class Tango {
  private static final double TOLERANCE = 1e-12;

  private Tango() {}

  /**
   * The score statistic Z at a hypothesised difference.
   *
   * <p>Where the variance is 0 (no discordant pairs at {@code theta = 0}, or {@code theta = ±1}) Z
   * is 0 when {@code S = 0} and infinite with the sign of {@code S} otherwise.
   *
   * @param b items A got right and B got wrong
   * @param c items A got wrong and B got right
   * @param n items in all, {@code >= 1} and {@code >= b + c}
   * @param theta the hypothesised {@code delta}, in [-1, 1]
   * @return Z; negative when the observed difference is below {@code theta}
   */
  public static double z(int b, int c, int n, double theta) {
    checkTable(b, c, n);
    Checks.closed("theta", theta, -1, 1);
    return score(b, c, n, theta);
  }

  /**
   * The p value of the non-inferiority test, H0 {@code delta >= margin} against H1 {@code delta <
   * margin}: {@code Phi(Z(margin))}. Small when B is shown to lose less than the margin.
   *
   * @param b items A got right and B got wrong
   * @param c items A got wrong and B got right
   * @param n items in all, {@code >= 1} and {@code >= b + c}
   * @param margin the non-inferiority margin Delta, in [-1, 1]
   * @return p_N in [0, 1]
   */
  public static double nonInferiorityP(int b, int c, int n, double margin) {
    return Gaussian.cdf(z(b, c, n, margin));
  }

  /**
   * The one-sided upper confidence bound U on {@code delta} at level {@code 1 - alpha}: the {@code
   * theta} above {@code (b - c) / n} where {@code Z(theta) = -z(1 - alpha)}. B is non-inferior at
   * margin Delta exactly when {@code U < Delta}.
   *
   * @param b items A got right and B got wrong
   * @param c items A got wrong and B got right
   * @param n items in all, {@code >= 1} and {@code >= b + c}
   * @param alpha one-sided level in (0, 0.5), e.g. 0.05 for a 95% bound
   * @return U in [(b - c) / n, 1]; 1 only when {@code b = n}
   */
  public static double upperBound(int b, int c, int n, double alpha) {
    checkTable(b, c, n);
    return upperBound((double) b, (double) c, (double) n, alpha);
  }

  /**
   * The upper bound for fractional ("effective") counts: per-item score differences summed into b
   * (positive parts) and c (negative parts), possibly divided by a design effect. Reduces to {@link
   * #upperBound(int, int, int, double)} for whole counts.
   */
  public static double upperBound(double b, double c, double n, double alpha) {
    checkEffective(b, c, n);
    Checks.alpha(alpha);
    double critical = -Gaussian.quantile(1 - alpha);
    double lo = (b - c) / n;
    if (b >= n) {
      return 1;
    }
    double hi = 1;
    while (hi - lo > TOLERANCE) {
      double mid = 0.5 * (lo + hi);
      if (score(b, c, n, mid) > critical) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return 0.5 * (lo + hi);
  }

  /**
   * The one-sided lower confidence bound L on {@code delta} at level {@code 1 - alpha}: the {@code
   * theta} below {@code (b - c) / n} where {@code Z(theta) = z(1 - alpha)}.
   *
   * @param b items A got right and B got wrong
   * @param c items A got wrong and B got right
   * @param n items in all, {@code >= 1} and {@code >= b + c}
   * @param alpha one-sided level in (0, 0.5)
   * @return L in [-1, (b - c) / n]; -1 only when {@code c = n}
   */
  public static double lowerBound(int b, int c, int n, double alpha) {
    checkTable(b, c, n);
    return lowerBound((double) b, (double) c, (double) n, alpha);
  }

  /**
   * The lower bound for fractional counts; see {@link #upperBound(double, double, double, double)}.
   */
  public static double lowerBound(double b, double c, double n, double alpha) {
    checkEffective(b, c, n);
    Checks.alpha(alpha);
    double critical = Gaussian.quantile(1 - alpha);
    double hi = (b - c) / n;
    if (c >= n) {
      return -1;
    }
    double lo = -1;
    while (hi - lo > TOLERANCE) {
      double mid = 0.5 * (lo + hi);
      if (score(b, c, n, mid) < critical) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return 0.5 * (lo + hi);
  }

  /**
   * The two-sided score confidence interval for {@code delta}: {@code [L, U]} each at one-sided
   * level {@code (1 - level) / 2}.
   *
   * @param b items A got right and B got wrong
   * @param c items A got wrong and B got right
   * @param n items in all, {@code >= 1} and {@code >= b + c}
   * @param level confidence level in (0, 1), e.g. 0.95
   * @return the interval, inside [-1, 1]
   */
  public static Interval interval(int b, int c, int n, double level) {
    Checks.level(level);
    double alpha = (1 - level) / 2;
    return new Interval(lowerBound(b, c, n, alpha), upperBound(b, c, n, alpha));
  }

  /**
   * The restricted maximum-likelihood estimate p~ of P(A wrong, B right) under {@code delta =
   * theta}. Counts may be fractional (expected counts); p~ depends on b, c and n only through b / n
   * and c / n.
   */
  static double restrictedP21(double b, double c, double n, double theta) {
    double qa = 2 * n;
    double qb = -b - c + (2 * n - b + c) * theta;
    double qc = -c * theta * (1 - theta);
    double root = Math.sqrt(Math.max(0, qb * qb - 4 * qa * qc));
    // The larger root of qa*x^2 + qb*x + qc, in the form that avoids cancellation.
    double p21 = qb <= 0 ? (-qb + root) / (2 * qa) : (-2 * qc) / (qb + root);
    return Math.max(0, p21);
  }

  private static double score(double b, double c, double n, double theta) {
    double s = (b - c) - n * theta;
    double variance = n * (2 * restrictedP21(b, c, n, theta) + theta * (1 - theta));
    if (!(variance > 0)) {
      return s == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, s);
    }
    return s / Math.sqrt(variance);
  }

  private static void checkEffective(double b, double c, double n) {
    if (!(b >= 0 && c >= 0 && n > 0 && b + c <= n * (1 + 1e-12))) {
      throw new IllegalArgumentException(
          "need b, c >= 0, n > 0 and b + c <= n but b = " + b + ", c = " + c + ", n = " + n);
    }
  }

  private static void checkTable(int b, int c, int n) {
    Checks.nonNegative("b", b);
    Checks.nonNegative("c", c);
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1 but was " + n);
    }
    if ((long) b + c > n) {
      throw new IllegalArgumentException(
          "b + c must not exceed n but b = " + b + ", c = " + c + ", n = " + n);
    }
  }
}
