package dev.backslide.stats;

import java.util.Arrays;

/**
 * Group-sequential boundaries for K equally spaced, pre-registered looks (STATISTICS.md section 6):
 * Pocock (the same z at every look) and O'Brien-Fleming ({@code z_k = c * sqrt(K / k)}), with the
 * constant {@code c} computed so that the probability of crossing a boundary at any look under H0
 * is alpha.
 *
 * <p>The crossing probability is integrated numerically (Armitage, McPherson and Rowe 1969): the
 * score {@code S_k = sqrt(k) Z_k} is a sum of independent standard normal increments, and the
 * density of {@code S_k} on the continuation region is carried from look to look by Simpson's rule
 * on a grid of step {@value #STEP}, accurate to about 1e-7 in the probability. One-sided boundaries
 * are crossed upwards only; two-sided boundaries at {@code ±z_k}.
 */
public final class GroupSequential {
  /** The largest number of looks computed. */
  public static final int MAX_LOOKS = 10;

  private static final double STEP = 0.05;
  private static final double LOWER_REACH = 8;
  private static final double TOLERANCE = 1e-10;

  private GroupSequential() {}

  /** Whether boundaries are crossed on one side (a regression) or on both. */
  public enum Sides {
    /** Reject when {@code Z_k >= z_k}. */
    ONE_SIDED,
    /** Reject when {@code |Z_k| >= z_k}. */
    TWO_SIDED
  }

  /**
   * Pocock boundaries: one critical z for every look.
   *
   * @param looks K, in [1, {@value #MAX_LOOKS}]
   * @param alpha overall level in (0, 0.5), one- or two-sided as {@code sides} says
   * @param sides one- or two-sided
   * @return K equal critical values ({@code K = 2}, one-sided 0.05: 1.875)
   */
  public static double[] pocock(int looks, double alpha, Sides sides) {
    checkLooks(looks);
    Checks.alpha(alpha);
    double c = solve(looks, alpha, sides, false);
    double[] z = new double[looks];
    Arrays.fill(z, c);
    return z;
  }

  /**
   * O'Brien-Fleming boundaries: {@code z_k = c * sqrt(K / k)}, strict early and close to the
   * fixed-sample value at the last look.
   *
   * @param looks K, in [1, {@value #MAX_LOOKS}]
   * @param alpha overall level in (0, 0.5), one- or two-sided as {@code sides} says
   * @param sides one- or two-sided
   * @return K decreasing critical values ({@code K = 2}, one-sided 0.05: 2.373, 1.678)
   */
  public static double[] obrienFleming(int looks, double alpha, Sides sides) {
    checkLooks(looks);
    Checks.alpha(alpha);
    return obrienFlemingShape(looks, solve(looks, alpha, sides, true));
  }

  /**
   * The probability under H0 of crossing at least one boundary, looks equally spaced.
   *
   * @param boundaries critical z per look, 1 to {@value #MAX_LOOKS} values, each finite and {@code
   *     > 0}
   * @param sides one- or two-sided
   * @return the overall type I error of the boundaries (5 looks at 1.96 two-sided: about 0.142)
   */
  public static double crossingProbability(double[] boundaries, Sides sides) {
    checkLooks(boundaries.length);
    for (int k = 0; k < boundaries.length; k++) {
      if (!(boundaries[k] > 0) || !Double.isFinite(boundaries[k])) {
        throw new IllegalArgumentException(
            "boundaries[" + k + "] must be finite and > 0 but was " + boundaries[k]);
      }
    }
    return crossing(boundaries, sides == Sides.TWO_SIDED);
  }

  /**
   * The nominal p value that corresponds to a critical z at a single look.
   *
   * @param z a critical value
   * @param sides one- or two-sided
   * @return {@code 1 - Phi(z)} one-sided, {@code 2 * (1 - Phi(|z|))} two-sided (Pocock, K = 2,
   *     two-sided 0.05: 0.0294)
   */
  public static double nominalP(double z, Sides sides) {
    Checks.finite("z", z);
    return sides == Sides.ONE_SIDED
        ? Gaussian.upperTail(z)
        : Math.min(1, 2 * Gaussian.upperTail(Math.abs(z)));
  }

  private static double solve(int looks, double alpha, Sides sides, boolean obrienFleming) {
    boolean twoSided = sides == Sides.TWO_SIDED;
    // The crossing probability falls as c rises: at c = 0 it is >= 0.5 > alpha.
    double lo = 0;
    double hi = 10;
    while (hi - lo > TOLERANCE) {
      double mid = 0.5 * (lo + hi);
      double[] z = obrienFleming ? obrienFlemingShape(looks, mid) : filled(looks, mid);
      if (crossing(z, twoSided) > alpha) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return 0.5 * (lo + hi);
  }

  private static double crossing(double[] z, boolean twoSided) {
    double total = (twoSided ? 2 : 1) * Gaussian.upperTail(z[0]);
    // Density of S_1 = Z_1 on the continuation region of look 1.
    double[] x = grid(twoSided ? -z[0] : -LOWER_REACH, z[0]);
    double[] w = weights(x);
    double[] f = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      f[i] = Gaussian.pdf(x[i]);
    }
    for (int k = 2; k <= z.length; k++) {
      double u = z[k - 1] * Math.sqrt(k);
      for (int i = 0; i < x.length; i++) {
        double cross = Gaussian.upperTail(u - x[i]);
        if (twoSided) {
          cross += Gaussian.cdf(-u - x[i]);
        }
        total += w[i] * f[i] * cross;
      }
      if (k < z.length) {
        double[] next = grid(twoSided ? -u : -LOWER_REACH * Math.sqrt(k), u);
        double[] density = new double[next.length];
        for (int j = 0; j < next.length; j++) {
          double sum = 0;
          for (int i = 0; i < x.length; i++) {
            sum += w[i] * f[i] * Gaussian.pdf(next[j] - x[i]);
          }
          density[j] = sum;
        }
        x = next;
        w = weights(next);
        f = density;
      }
    }
    return total;
  }

  /** An even number of equal Simpson intervals from lo to hi, of width at most STEP. */
  private static double[] grid(double lo, double hi) {
    int intervals = Math.max(2, (int) Math.ceil((hi - lo) / STEP));
    intervals += intervals % 2;
    double[] x = new double[intervals + 1];
    for (int i = 0; i <= intervals; i++) {
      x[i] = lo + (hi - lo) * i / intervals;
    }
    return x;
  }

  private static double[] weights(double[] x) {
    int intervals = x.length - 1;
    double h = (x[intervals] - x[0]) / intervals;
    double[] w = new double[x.length];
    for (int i = 0; i <= intervals; i++) {
      double simpson = i == 0 || i == intervals ? 1 : (i % 2 == 1 ? 4 : 2);
      w[i] = simpson * h / 3;
    }
    return w;
  }

  private static double[] obrienFlemingShape(int looks, double c) {
    double[] z = new double[looks];
    for (int k = 1; k <= looks; k++) {
      z[k - 1] = c * Math.sqrt((double) looks / k);
    }
    return z;
  }

  private static double[] filled(int looks, double c) {
    double[] z = new double[looks];
    Arrays.fill(z, c);
    return z;
  }

  private static void checkLooks(int looks) {
    if (looks < 1 || looks > MAX_LOOKS) {
      throw new IllegalArgumentException(
          "looks must be in [1, " + MAX_LOOKS + "] but was " + looks);
    }
  }
}
