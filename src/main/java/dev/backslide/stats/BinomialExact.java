package dev.backslide.stats;

/**
 * The exact binomial test of one proportion, two-sided, as R's {@code binom.test} computes it: the
 * p value sums the probabilities of all outcomes no more likely than the observed one (with a
 * relative tolerance of 1e-7 for ties). Commons Math {@code BinomialTest} two-sided is not used: it
 * returns p values above 1 (MATH-1381; STATISTICS.md section 8).
 */
public final class BinomialExact {
  private static final double RELATIVE_TOLERANCE = 1 + 1e-7;

  private BinomialExact() {}

  /**
   * The two-sided p value for {@code x} successes in {@code n} trials under success probability
   * {@code p}.
   *
   * @param x successes, in [0, n]
   * @param n trials, {@code >= 1}
   * @param p the success probability under H0, in [0, 1]
   * @return the p value in [0, 1]; 1 when {@code x} equals the expected count {@code n * p}
   */
  public static double twoSidedP(int x, int n, double p) {
    Checks.successes(x, n);
    Checks.closed("p", p, 0, 1);
    BinomialTails bin = BinomialTails.of(n, p);
    double expected = n * p;
    if (x == expected) {
      return 1;
    }
    double bound = bin.probability(x) * RELATIVE_TOLERANCE;
    if (x < expected) {
      int y = 0;
      for (int i = (int) Math.ceil(expected); i <= n; i++) {
        if (bin.probability(i) <= bound) {
          y++;
        }
      }
      return Math.min(1, bin.atMost(x) + bin.atLeast(n - y + 1));
    }
    int y = 0;
    for (int i = 0; i <= (int) Math.floor(expected); i++) {
      if (bin.probability(i) <= bound) {
        y++;
      }
    }
    return Math.min(1, bin.atMost(y - 1) + bin.atLeast(x));
  }
}
