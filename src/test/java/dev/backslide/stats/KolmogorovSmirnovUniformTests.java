package dev.backslide.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The uniformity check of A/A p values; reference values from scipy.stats.kstest. */
class KolmogorovSmirnovUniformTests {

  @Test
  void evenlySpreadValuesLookUniform() {
    double[] sample = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
    assertThat(KolmogorovSmirnovUniform.statistic(sample)).isCloseTo(0.1, within(1e-12));
    assertThat(KolmogorovSmirnovUniform.pValue(sample))
        .isCloseTo(0.9998742840646804, within(1e-10));
  }

  @Test
  void pValueMatchesTheExactDistributionForASmallSample() {
    // scipy.stats.kstest(x, "uniform") for x = i / 20 - 0.01, i = 1..20, squared
    double[] sample = new double[20];
    for (int i = 1; i <= 20; i++) {
      double x = i / 20.0 - 0.01;
      sample[i - 1] = x * x;
    }
    assertThat(KolmogorovSmirnovUniform.statistic(sample)).isCloseTo(0.2599, within(1e-12));
    assertThat(KolmogorovSmirnovUniform.pValue(sample))
        .isCloseTo(0.11127332916436006, within(1e-10));
  }

  @Test
  void anExcessOfSmallPValuesIsDetected() {
    SplittableRandom random = new SplittableRandom(5);
    double[] sample = new double[200];
    for (int i = 0; i < sample.length; i++) {
      double u = random.nextDouble();
      sample[i] = u * u; // piles up near 0
    }
    assertThat(KolmogorovSmirnovUniform.pValue(sample)).isLessThan(1e-6);
  }

  @Test
  void uniformDrawsAreRarelyRejected() {
    SplittableRandom random = new SplittableRandom(6);
    int rejections = 0;
    for (int run = 0; run < 200; run++) {
      double[] sample = new double[100];
      for (int i = 0; i < sample.length; i++) {
        sample[i] = random.nextDouble();
      }
      if (KolmogorovSmirnovUniform.pValue(sample) <= 0.05) {
        rejections++;
      }
    }
    // 5% of 200 = 10, binomial sd about 3
    assertThat(rejections).isBetween(1, 20);
  }

  @Test
  void farTailPValuesStayInTheUnitInterval() {
    double[] sample = new double[500];
    for (int i = 0; i < sample.length; i++) {
      sample[i] = (i + 0.5) / 500 * 0.2;
    }
    assertThat(KolmogorovSmirnovUniform.pValue(sample)).isBetween(0.0, 1e-10);
    double[] tiny = {0.001, 0.002, 0.003, 0.004, 0.005, 0.006, 0.007, 0.008, 0.009};
    assertThat(KolmogorovSmirnovUniform.pValue(tiny)).isBetween(0.0, 1e-10);
  }

  @Test
  void valuesOutsideTheUnitIntervalAreRejected() {
    assertThatThrownBy(() -> KolmogorovSmirnovUniform.pValue(new double[] {0.2, 1.2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sample[1] must be a probability in [0, 1] but was 1.2");
  }

  @Test
  void anEmptySampleIsRejected() {
    assertThatThrownBy(() -> KolmogorovSmirnovUniform.pValue(new double[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sample needs at least 1 value but has 0");
  }
}
