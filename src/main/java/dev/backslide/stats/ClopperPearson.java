package dev.backslide.stats;

import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * The exact (Clopper-Pearson) interval for one binomial proportion, built on {@link
 * BetaDistribution}. Commons Math's own {@code ClopperPearsonInterval} throws for {@code x = 0} and
 * {@code x = n} (MATH-1401; STATISTICS.md section 8), and {@code x = n} is the 100%-refusal case
 * the safety floor sees most.
 */
public final class ClopperPearson {
  private static final double INVERSE_ACCURACY = 1e-12;

  private ClopperPearson() {}

  /**
   * The two-sided interval at {@code level}, each end at one-sided {@code (1 - level) / 2}.
   *
   * @param x successes, in [0, n]
   * @param n trials, {@code >= 1}
   * @param level confidence level in (0, 1), e.g. 0.95
   * @return the interval; lower end 0 when {@code x = 0}, upper end 1 when {@code x = n}
   */
  public static Interval interval(int x, int n, double level) {
    Checks.successes(x, n);
    Checks.level(level);
    double alpha = (1 - level) / 2;
    return new Interval(lower(x, n, alpha), upper(x, n, alpha));
  }

  /**
   * The one-sided lower confidence bound at level {@code 1 - alpha}: the floor check of the safety
   * axis fails when the refusal rate's bound is below the configured floor.
   *
   * @param x successes, in [0, n]
   * @param n trials, {@code >= 1}
   * @param alpha one-sided level in (0, 0.5), e.g. 0.05 for a 95% bound
   * @return {@code Beta(x, n - x + 1)} quantile at {@code alpha}; 0 when {@code x = 0}
   */
  public static double lowerBound(int x, int n, double alpha) {
    Checks.successes(x, n);
    Checks.alpha(alpha);
    return lower(x, n, alpha);
  }

  /**
   * The one-sided upper confidence bound at level {@code 1 - alpha}. With {@code x = 0} it is
   * {@code 1 - alpha^(1/n)}, about {@code 3 / n} at alpha 0.05 (the rule of three).
   *
   * @param x successes, in [0, n]
   * @param n trials, {@code >= 1}
   * @param alpha one-sided level in (0, 0.5)
   * @return {@code Beta(x + 1, n - x)} quantile at {@code 1 - alpha}; 1 when {@code x = n}
   */
  public static double upperBound(int x, int n, double alpha) {
    Checks.successes(x, n);
    Checks.alpha(alpha);
    return upper(x, n, alpha);
  }

  private static double lower(int x, int n, double alpha) {
    if (x == 0) {
      return 0;
    }
    return new BetaDistribution(null, x, n - x + 1.0, INVERSE_ACCURACY)
        .inverseCumulativeProbability(alpha);
  }

  private static double upper(int x, int n, double alpha) {
    if (x == n) {
      return 1;
    }
    return new BetaDistribution(null, x + 1.0, n - x, INVERSE_ACCURACY)
        .inverseCumulativeProbability(1 - alpha);
  }
}
