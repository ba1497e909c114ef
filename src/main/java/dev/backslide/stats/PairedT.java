package dev.backslide.stats;

/**
 * The paired t test on per-item differences {@code d_i = s_Ai - s_Bi}, oriented so that a positive
 * mean means B is worse.
 *
 * <p>Aggregate a model's k generations to one score per item before building {@code d}; never pass
 * the k * n answers as if independent (STATISTICS.md section 1). When every {@code d_i} is equal
 * the standard error is 0 and the guard of section 3 applies: the one-sided p is 1 if {@code mean
 * <= 0} and 0 otherwise, and the bounds equal the mean. Commons Math {@code TTest.pairedTTest} is
 * not used: it returns NaN when all differences are 0.
 *
 * @param n number of items, {@code >= 2}
 * @param mean mean of the differences
 * @param se standard error of the mean, {@code sd(d) / sqrt(n)}, {@code >= 0}
 */
public record PairedT(int n, double mean, double se) {

  /** Validates the summary. */
  public PairedT {
    Checks.atLeast("n", n, 2);
    Checks.finite("mean", mean);
    Checks.finite("se", se);
    if (se < 0) {
      throw new IllegalArgumentException("se must be >= 0 but was " + se);
    }
  }

  /**
   * Summarises per-item differences.
   *
   * @param d the differences {@code s_Ai - s_Bi}, at least 2, all finite
   * @return the summary; {@code se} is exactly 0 when all differences are equal
   */
  public static PairedT of(double[] d) {
    Checks.sample("d", d, 2);
    int n = d.length;
    if (allEqual(d)) {
      return new PairedT(n, d[0], 0);
    }
    double sum = 0;
    for (double v : d) {
      sum += v;
    }
    double mean = sum / n;
    double squares = 0;
    for (double v : d) {
      squares += (v - mean) * (v - mean);
    }
    return new PairedT(n, mean, Math.sqrt(squares / (n - 1) / n));
  }

  /**
   * Summarises paired scores: {@code d_i = a_i - b_i}.
   *
   * @param a the reference's per-item scores
   * @param b the candidate's per-item scores, same length and item order as {@code a}
   * @return the summary of the differences
   */
  public static PairedT of(double[] a, double[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "paired scores need equal lengths but a has " + a.length + " and b has " + b.length);
    }
    double[] d = new double[a.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = a[i] - b[i];
    }
    return of(d);
  }

  /**
   * Degrees of freedom.
   *
   * @return {@code n - 1}
   */
  public int df() {
    return n - 1;
  }

  /**
   * The t statistic.
   *
   * @return {@code mean / se}; with {@code se = 0}, 0 for a zero mean and infinite with the mean's
   *     sign otherwise
   */
  public double t() {
    return TInference.t(mean, se);
  }

  /**
   * The regression p value, H0 {@code mean <= 0} against H1 {@code mean > 0} (B worse).
   *
   * @return {@code P(T_{n-1} >= t)}; with {@code se = 0}, 1 if {@code mean <= 0} else 0
   */
  public double oneSidedP() {
    return TInference.oneSidedP(mean, se, df());
  }

  /**
   * The two-sided p value of H0 mean = 0.
   *
   * @return {@code 2 * P(T_{n-1} >= |t|)}; with {@code se = 0}, 1 if {@code mean = 0} else 0
   */
  public double twoSidedP() {
    return TInference.twoSidedP(mean, se, df());
  }

  /**
   * The one-sided upper confidence bound U on the mean difference; B is non-inferior at margin
   * Delta when {@code U < Delta}.
   *
   * @param alpha one-sided level in (0, 0.5), e.g. 0.05 for a 95% bound
   * @return {@code mean + t(n - 1, 1 - alpha) * se}; the mean when {@code se = 0}
   */
  public double upperBound(double alpha) {
    return TInference.upperBound(mean, se, df(), alpha);
  }

  /**
   * The two-sided confidence interval for the mean difference.
   *
   * @param level confidence level in (0, 1), e.g. 0.95
   * @return {@code mean -+ t(n - 1, 1 - (1 - level) / 2) * se}; a point when {@code se = 0}
   */
  public Interval interval(double level) {
    return TInference.interval(mean, se, df(), level);
  }

  private static boolean allEqual(double[] d) {
    for (double v : d) {
      if (v != d[0]) {
        return false;
      }
    }
    return true;
  }
}
