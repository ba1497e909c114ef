package dev.backslide.stats;

/**
 * Sample sizes and minimum detectable effects (STATISTICS.md section 4).
 *
 * <p>Every {@code alpha} here is one-sided: the formulas use {@code z(1 - alpha)}. For a two-sided
 * test at level {@code a} pass {@code a / 2}. Sample sizes are returned unrounded; round them up
 * with {@link Math#ceil}. {@code power} is in [0.5, 1), so that {@code z(power) >= 0}.
 */
public final class Power {
  private static final double TOLERANCE = 1e-12;

  private Power() {}

  /**
   * Connor's (1987) sample size for the paired binary (McNemar) test of a drop {@code delta}:
   * {@code n = [z(1 - alpha) * sqrt(psi) + z(power) * sqrt(psi - delta^2)]^2 / delta^2}.
   *
   * @param psi the discordance rate {@code P(A ok, B not) + P(A not, B ok)}, in (0, 1]
   * @param delta the drop to detect, {@code P(A ok, B not) - P(A not, B ok)}, in (0, psi]
   * @param alpha one-sided level in (0, 0.5)
   * @param power in [0.5, 1)
   * @return the number of items, unrounded
   */
  public static double connorN(double psi, double delta, double alpha, double power) {
    if (!(psi > 0 && psi <= 1)) {
      throw new IllegalArgumentException("psi must be in (0, 1] but was " + psi);
    }
    checkDrop(delta, psi);
    Checks.alpha(alpha);
    checkPower(power);
    return connor(psi, delta, Gaussian.quantile(1 - alpha), Gaussian.quantile(power));
  }

  /**
   * The minimum detectable drop of a paired binary cell: the {@code delta} at which {@link
   * #connorN} equals {@code n} for the given discordance {@code psi}.
   *
   * <p>A drop cannot exceed the discordance ({@code delta <= psi}). When even {@code delta = psi}
   * needs more than {@code n} items, the MDE lies above {@code psi}: a drop that large brings its
   * own flips, so the discordance is taken to equal the drop ({@code psi = delta}, every flip
   * against B) and {@code n = [z(1 - alpha) + z(power) * sqrt(1 - delta)]^2 / delta} is solved
   * instead. The two rules agree at {@code delta = psi}, so the MDE is continuous in {@code psi}.
   *
   * @param n items in the cell, {@code >= 1}
   * @param psi the expected discordance rate (for instance the A/A flip rate), in [0, 1]
   * @param alpha one-sided level in (0, 0.5)
   * @param power in [0.5, 1)
   * @return the MDE in (0, 1]; 1 when no drop is detectable ({@code n < z(1 - alpha)^2})
   */
  public static double connorMde(int n, double psi, double alpha, double power) {
    Checks.atLeast("n", n, 1);
    Checks.closed("psi", psi, 0, 1);
    Checks.alpha(alpha);
    checkPower(power);
    double za = Gaussian.quantile(1 - alpha);
    double zb = Gaussian.quantile(power);
    if (psi > 0 && connor(psi, psi, za, zb) <= n) {
      // connor(psi, delta) decreases in delta: bisect on (0, psi]
      double lo = 0;
      double hi = psi;
      while (hi - lo > TOLERANCE) {
        double mid = 0.5 * (lo + hi);
        if (connor(psi, mid, za, zb) > n) {
          lo = mid;
        } else {
          hi = mid;
        }
      }
      return hi;
    }
    if (connor(1, 1, za, zb) > n) {
      return 1;
    }
    double lo = psi;
    double hi = 1;
    while (hi - lo > TOLERANCE) {
      double mid = 0.5 * (lo + hi);
      if (connor(mid, mid, za, zb) > n) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return hi;
  }

  /**
   * The sample size for the Tango non-inferiority test at margin Delta when the true drop is 0 and
   * the A/A flip rate is {@code psi0}: {@code V0 = 2p~ + Delta(1 - Delta)} with p~ Tango's
   * restricted estimate at {@code b = c = n * psi0 / 2} (it depends only on {@code psi0}), {@code
   * V1 = psi0} and {@code n = [z(1 - alpha) sqrt(V0) + z(power) sqrt(V1)]^2 / Delta^2}.
   *
   * @param psi0 the flip rate of A against itself, in [0, 1)
   * @param margin the non-inferiority margin Delta, in (0, 1)
   * @param alpha one-sided level in (0, 0.5)
   * @param power in [0.5, 1)
   * @return the number of items, unrounded
   */
  public static double nonInferiorityN(double psi0, double margin, double alpha, double power) {
    Checks.closed("psi0", psi0, 0, 1);
    Checks.open("margin", margin, 0, 1);
    Checks.alpha(alpha);
    checkPower(power);
    double p21 = Tango.restrictedP21(psi0 / 2, psi0 / 2, 1, margin);
    double v0 = 2 * p21 + margin * (1 - margin);
    double root =
        Gaussian.quantile(1 - alpha) * Math.sqrt(v0) + Gaussian.quantile(power) * Math.sqrt(psi0);
    return root * root / (margin * margin);
  }

  /**
   * Miller's (2024, eq. 9-10) sample size for continuous scores or k generations per item: {@code n
   * = (z(1 - alpha) + z(power))^2 * (omega^2 + sigmaA^2 / k + sigmaB^2 / k) / delta^2}, with {@code
   * omega^2 = Var(x_A) + Var(x_B) - 2 Cov(x_A, x_B)} the between-item variance of the paired
   * difference and {@code sigma^2} the within-item (generation) variances, all from an A/A run.
   *
   * @param omega2 between-item variance of the difference, {@code >= 0}
   * @param sigmaA2 within-item variance of A's scores, {@code >= 0}
   * @param sigmaB2 within-item variance of B's scores, {@code >= 0}
   * @param k generations per item, {@code >= 1}
   * @param delta the drop to detect, {@code > 0}
   * @param alpha one-sided level in (0, 0.5)
   * @param power in [0.5, 1)
   * @return the number of items, unrounded
   */
  public static double millerN(
      double omega2,
      double sigmaA2,
      double sigmaB2,
      int k,
      double delta,
      double alpha,
      double power) {
    checkVariance("omega2", omega2);
    checkVariance("sigmaA2", sigmaA2);
    checkVariance("sigmaB2", sigmaB2);
    Checks.atLeast("k", k, 1);
    if (!(delta > 0) || !Double.isFinite(delta)) {
      throw new IllegalArgumentException("delta must be finite and > 0 but was " + delta);
    }
    Checks.alpha(alpha);
    checkPower(power);
    double z = Gaussian.quantile(1 - alpha) + Gaussian.quantile(power);
    return z * z * (omega2 + sigmaA2 / k + sigmaB2 / k) / (delta * delta);
  }

  /**
   * The smallest cell in which zero flips prove non-inferiority: with {@code b = c = 0} Tango's
   * upper bound is {@code z^2 / (n + z^2)}, below Delta exactly when {@code n * Delta / (1 - Delta)
   * > z(1 - alpha)^2} (88 items at Delta 0.03, 52 at 0.05, alpha 0.05). Smaller cells are
   * INCONCLUSIVE even when nothing changed.
   *
   * @param margin the non-inferiority margin Delta, in (0, 1)
   * @param alpha one-sided level in (0, 0.5)
   * @return the smallest such n
   */
  public static int zeroFlipN(double margin, double alpha) {
    Checks.open("margin", margin, 0, 1);
    Checks.alpha(alpha);
    double z = Gaussian.quantile(1 - alpha);
    return (int) Math.floor(z * z * (1 - margin) / margin) + 1;
  }

  /**
   * The number of clustered items that give the precision of {@code independentN} independent ones:
   * the design effect {@code (SE_clustered / SE_naive)^2} inflates the sample size (equally, {@code
   * n} clustered items are worth {@code n / designEffect} independent ones).
   *
   * @param independentN the sample size computed as if items were independent, {@code >= 0}
   * @param designEffect from {@link ClusteredSe#designEffect()}, {@code > 0}
   * @return {@code independentN * designEffect}, unrounded
   */
  public static double clusteredN(double independentN, double designEffect) {
    if (!(independentN >= 0) || !Double.isFinite(independentN)) {
      throw new IllegalArgumentException(
          "independentN must be finite and >= 0 but was " + independentN);
    }
    if (!(designEffect > 0) || !Double.isFinite(designEffect)) {
      throw new IllegalArgumentException(
          "designEffect must be finite and > 0 but was " + designEffect);
    }
    return independentN * designEffect;
  }

  private static double connor(double psi, double delta, double za, double zb) {
    double root = za * Math.sqrt(psi) + zb * Math.sqrt(Math.max(0, psi - delta * delta));
    return root * root / (delta * delta);
  }

  private static void checkDrop(double delta, double psi) {
    if (!(delta > 0 && delta <= psi)) {
      throw new IllegalArgumentException(
          "delta must be in (0, psi] = (0, "
              + psi
              + "] but was "
              + delta
              + ": a drop needs at least as many discordant pairs");
    }
  }

  private static void checkPower(double power) {
    if (!(power >= 0.5 && power < 1)) {
      throw new IllegalArgumentException("power must be in [0.5, 1) but was " + power);
    }
  }

  private static void checkVariance(String name, double variance) {
    if (!(variance >= 0) || !Double.isFinite(variance)) {
      throw new IllegalArgumentException(name + " must be finite and >= 0 but was " + variance);
    }
  }
}
