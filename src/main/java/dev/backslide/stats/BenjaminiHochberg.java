package dev.backslide.stats;

/**
 * The Benjamini-Hochberg step-up correction: controls the false discovery rate, not the chance of a
 * false block. Use it only for non-blocking "where to look" lists, never for the verdict
 * (STATISTICS.md section 3).
 */
public final class BenjaminiHochberg {
  private BenjaminiHochberg() {}

  /**
   * The BH-adjusted p values, in input order: with {@code p_(1) <= ... <= p_(m)} sorted, {@code
   * adj_(i) = min over j >= i of min(1, m * p_(j) / j)}. They are monotone in the raw p values and
   * capped at 1 (R's {@code p.adjust(p, "BH")}).
   *
   * @param p raw p values, each in [0, 1]; may be empty
   * @return adjusted p values, same length and order
   */
  public static double[] adjust(double[] p) {
    Checks.probabilities("p", p);
    int m = p.length;
    int[] order = Ranks.ascending(p);
    double[] adjusted = new double[m];
    double running = 1;
    for (int j = m - 1; j >= 0; j--) {
      int index = order[j];
      running = Math.min(running, (double) m * p[index] / (j + 1));
      adjusted[index] = running;
    }
    return adjusted;
  }

  /**
   * Which hypotheses BH rejects at false discovery rate {@code q}; ties count as rejections
   * (adjusted p {@code <= q}).
   *
   * @param p raw p values, each in [0, 1]; may be empty
   * @param q false discovery rate in (0, 1)
   * @return rejection flags, same length and order as {@code p}
   */
  public static boolean[] reject(double[] p, double q) {
    Checks.open("q", q, 0, 1);
    double[] adjusted = adjust(p);
    boolean[] rejected = new boolean[adjusted.length];
    for (int i = 0; i < adjusted.length; i++) {
      rejected[i] = adjusted[i] <= q;
    }
    return rejected;
  }
}
