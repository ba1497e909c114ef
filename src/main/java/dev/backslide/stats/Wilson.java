package dev.backslide.stats;

/**
 * The Wilson score interval for one binomial proportion, for display next to a rate. Unlike the
 * Wald or Agresti-Coull intervals it never leaves [0, 1].
 */
public final class Wilson {
  private Wilson() {}

  /**
   * The two-sided Wilson score interval for {@code x} successes in {@code n} trials.
   *
   * @param x successes, in [0, n]
   * @param n trials, {@code >= 1}
   * @param level confidence level in (0, 1), e.g. 0.95
   * @return the interval, inside [0, 1]; its lower end is exactly 0 when {@code x = 0} and its
   *     upper end exactly 1 when {@code x = n}
   */
  public static Interval interval(int x, int n, double level) {
    Checks.successes(x, n);
    Checks.level(level);
    double z = Gaussian.quantile(1 - (1 - level) / 2);
    double z2 = z * z;
    double center = (x + z2 / 2) / (n + z2);
    double half = z * Math.sqrt((double) x * (n - x) / n + z2 / 4) / (n + z2);
    double lower = x == 0 ? 0 : Math.max(0, center - half);
    double upper = x == n ? 1 : Math.min(1, center + half);
    return new Interval(lower, upper);
  }
}
