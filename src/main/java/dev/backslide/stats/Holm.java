package dev.backslide.stats;

/**
 * Holm's step-down correction: controls the probability of any false rejection in the family under
 * arbitrary dependence between the tests. The gate uses it over every regression test of a run,
 * because one false FAIL blocks a release (STATISTICS.md section 3).
 */
public final class Holm {
  private Holm() {}

  /**
   * The Holm-adjusted p values, in input order: with {@code p_(1) <= ... <= p_(m)} sorted, {@code
   * adj_(i) = max over j <= i of min(1, (m - j + 1) * p_(j))}. They are monotone in the raw p
   * values and capped at 1 (R's {@code p.adjust(p, "holm")}).
   *
   * @param p raw p values, each in [0, 1]; may be empty
   * @return adjusted p values, same length and order
   */
  public static double[] adjust(double[] p) {
    Checks.probabilities("p", p);
    int m = p.length;
    int[] order = Ranks.ascending(p);
    double[] adjusted = new double[m];
    double running = 0;
    for (int j = 0; j < m; j++) {
      int index = order[j];
      running = Math.max(running, Math.min(1, (m - j) * p[index]));
      adjusted[index] = running;
    }
    return adjusted;
  }

  /**
   * Which hypotheses Holm rejects at family level {@code alpha}; ties count as rejections (adjusted
   * p {@code <= alpha}).
   *
   * @param p raw p values, each in [0, 1]; may be empty
   * @param alpha family-wise level in (0, 1)
   * @return rejection flags, same length and order as {@code p}
   */
  public static boolean[] reject(double[] p, double alpha) {
    Checks.open("alpha", alpha, 0, 1);
    double[] adjusted = adjust(p);
    boolean[] rejected = new boolean[adjusted.length];
    for (int i = 0; i < adjusted.length; i++) {
      rejected[i] = adjusted[i] <= alpha;
    }
    return rejected;
  }
}
