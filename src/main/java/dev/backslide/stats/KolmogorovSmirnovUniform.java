package dev.backslide.stats;

import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * The one-sample Kolmogorov-Smirnov test that a sample is Uniform(0, 1): the A/A check of
 * STATISTICS.md section 5, where p values of pseudo-A/A splits should be uniform and an excess of
 * small ones means the pipeline or the pairing is broken.
 *
 * <p>Built on Commons Math 3.6.1 {@link KolmogorovSmirnovTest}, which matches the exact
 * distribution (checked against SciPy) for p values above about 1e-10; below that it computes
 * {@code 1 - cdf} and returns only "tiny" (for example 2e-11 where the truth is 1e-278), which does
 * not change any decision. Note the test assumes a continuous distribution: p values of exact
 * discrete tests (McNemar, small-sample sign-flip) are conservative and pile up below 1, which a
 * large enough sample will show as non-uniform.
 */
public final class KolmogorovSmirnovUniform {
  private KolmogorovSmirnovUniform() {}

  /**
   * The two-sided p value of H0: the sample is drawn from Uniform(0, 1).
   *
   * @param sample values in [0, 1], at least 1
   * @return the p value, in [0, 1]
   */
  public static double pValue(double[] sample) {
    check(sample);
    double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(uniform(), sample, false);
    return Math.min(1, Math.max(0, p));
  }

  /**
   * The Kolmogorov-Smirnov statistic: the largest distance between the sample's empirical
   * distribution function and the identity on [0, 1].
   *
   * @param sample values in [0, 1], at least 1
   * @return D in [0, 1]
   */
  public static double statistic(double[] sample) {
    check(sample);
    return new KolmogorovSmirnovTest().kolmogorovSmirnovStatistic(uniform(), sample);
  }

  private static UniformRealDistribution uniform() {
    return new UniformRealDistribution(null, 0, 1);
  }

  private static void check(double[] sample) {
    if (sample.length == 0) {
      throw new IllegalArgumentException("sample needs at least 1 value but has 0");
    }
    Checks.probabilities("sample", sample);
  }
}
