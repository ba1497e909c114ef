package dev.backslide.stats;

/**
 * McNemar's test for paired binary outcomes, from the two discordant counts of the paired table.
 *
 * <p>Notation of STATISTICS.md section 1: {@code b} counts items where A is correct and B is not,
 * {@code c} items where A is not and B is. Under "no change" each of the {@code b + c} discordant
 * items is equally likely to fall either way, so {@code b ~ Bin(b + c, 1/2)}. The exact tests use
 * {@code BinomialDistribution} directly, never Commons Math {@code BinomialTest} two-sided, which
 * returns p values above 1 (STATISTICS.md section 8).
 */
public final class McNemar {
  private McNemar() {}

  /**
   * The exact conditional one-sided p value for a regression of B (H1: {@code delta > 0}).
   *
   * @param b items A got right and B got wrong, {@code >= 0}
   * @param c items A got wrong and B got right, {@code >= 0}
   * @return {@code P(Bin(b + c, 1/2) >= b)}; 1 when {@code b + c = 0}
   */
  public static double exactOneSidedP(int b, int c) {
    checkCounts(b, c);
    return BinomialTails.of(b + c, 0.5).atLeast(b);
  }

  /**
   * The one-sided mid-p value (Fagerland et al. 2013): less conservative than the exact test.
   *
   * @param b items A got right and B got wrong, {@code >= 0}
   * @param c items A got wrong and B got right, {@code >= 0}
   * @return {@code P(Bin(b + c, 1/2) >= b) - P(Bin(b + c, 1/2) = b) / 2}; 0.5 when {@code b + c =
   *     0} (the mid-p of a distribution with a single point)
   */
  public static double midP(int b, int c) {
    checkCounts(b, c);
    BinomialTails bin = BinomialTails.of(b + c, 0.5);
    return bin.atLeast(b) - bin.probability(b) / 2;
  }

  /**
   * The exact two-sided p value, twice the smaller tail.
   *
   * @param b items A got right and B got wrong, {@code >= 0}
   * @param c items A got wrong and B got right, {@code >= 0}
   * @return {@code min(1, 2 * min(P(X >= b), P(X <= b)))} with {@code X ~ Bin(b + c, 1/2)}
   */
  public static double exactTwoSidedP(int b, int c) {
    checkCounts(b, c);
    BinomialTails bin = BinomialTails.of(b + c, 0.5);
    return Math.min(1, 2 * Math.min(bin.atLeast(b), bin.atMost(b)));
  }

  /**
   * The two-sided mid-p value of Fagerland et al. (2013): twice the smaller tail less the point
   * probability.
   *
   * @param b items A got right and B got wrong, {@code >= 0}
   * @param c items A got wrong and B got right, {@code >= 0}
   * @return {@code min(1, 2 * (P(X <= m) - P(X = m) / 2))} with {@code m = min(b, c)} and {@code X
   *     ~ Bin(b + c, 1/2)}
   */
  public static double twoSidedMidP(int b, int c) {
    checkCounts(b, c);
    BinomialTails bin = BinomialTails.of(b + c, 0.5);
    int m = Math.min(b, c);
    return Math.min(1, 2 * (bin.atMost(m) - bin.probability(m) / 2));
  }

  /**
   * The asymptotic McNemar chi-square statistic on one degree of freedom.
   *
   * <p>With the continuity correction this is {@code max(0, |b - c| - 1)^2 / (b + c)}. R's {@code
   * mcnemar.test} omits the {@code max(0, ...)} and returns {@code 1 / (b + c)} when {@code b = c};
   * here a perfectly balanced table scores 0.
   *
   * @param b items A got right and B got wrong, {@code >= 0}
   * @param c items A got wrong and B got right, {@code >= 0}
   * @param continuityCorrection whether to subtract 1 from {@code |b - c|}
   * @return the statistic; 0 when {@code b + c = 0}
   */
  public static double chiSquare(int b, int c, boolean continuityCorrection) {
    checkCounts(b, c);
    if (b + c == 0) {
      return 0;
    }
    double diff = Math.abs((double) b - c);
    if (continuityCorrection) {
      diff = Math.max(0, diff - 1);
    }
    return diff * diff / ((double) b + c);
  }

  /**
   * The two-sided p value of the asymptotic chi-square test, {@code P(chi2_1 >= statistic)}.
   *
   * @param b items A got right and B got wrong, {@code >= 0}
   * @param c items A got wrong and B got right, {@code >= 0}
   * @param continuityCorrection whether to use the corrected statistic
   * @return the p value; 1 when {@code b + c = 0}
   */
  public static double chiSquareP(int b, int c, boolean continuityCorrection) {
    double statistic = chiSquare(b, c, continuityCorrection);
    // chi2 on 1 df is Z^2, so P(chi2 >= s) = 2 * P(Z > sqrt(s)), accurate far in the tail.
    return Math.min(1, 2 * Gaussian.upperTail(Math.sqrt(statistic)));
  }

  private static void checkCounts(int b, int c) {
    Checks.nonNegative("b", b);
    Checks.nonNegative("c", c);
    if ((long) b + c > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("b + c must fit in an int but was " + ((long) b + c));
    }
  }
}
