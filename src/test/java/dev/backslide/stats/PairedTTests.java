package dev.backslide.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The paired t test against STATISTICS.md section 7, vector 7 (R's sleep data). */
class PairedTTests {
  private static final double[] G1 = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};
  private static final double[] G2 = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};

  @Test
  void statisticAndTwoSidedPMatchVectorSeven() {
    PairedT test = PairedT.of(G1, G2);
    assertThat(test.t()).isCloseTo(-4.0621, within(5e-5));
    assertThat(test.df()).isEqualTo(9);
    assertThat(test.twoSidedP()).isCloseTo(0.002833, within(5e-7));
  }

  @Test
  void intervalMatchesVectorSeven() {
    Interval interval = PairedT.of(G1, G2).interval(0.95);
    assertThat(interval.lower()).isCloseTo(-2.4599, within(5e-5));
    assertThat(interval.upper()).isCloseTo(-0.7001, within(5e-5));
  }

  @Test
  void oneSidedPIsTheUpperTail() {
    PairedT worse = PairedT.of(G2, G1); // mean +1.58: B worse
    assertThat(worse.oneSidedP()).isCloseTo(0.002833 / 2, within(5e-7));
    PairedT better = PairedT.of(G1, G2);
    assertThat(better.oneSidedP()).isCloseTo(1 - 0.002833 / 2, within(5e-7));
  }

  @Test
  void upperBoundIsTheUpperEndOfTheTwoSidedIntervalAtTwiceAlpha() {
    PairedT test = PairedT.of(G2, G1);
    assertThat(test.upperBound(0.05)).isCloseTo(test.interval(0.90).upper(), within(1e-10));
    // mean + t(9, 0.95) * se, t(9, 0.95) = 1.833113
    assertThat(test.upperBound(0.05))
        .isCloseTo(test.mean() + 1.8331129326536335 * test.se(), within(1e-9));
  }

  @Test
  void equalPositiveDifferencesGiveZeroStandardErrorAndPZero() {
    PairedT test = PairedT.of(new double[] {0.1, 0.1, 0.1});
    assertThat(test.se()).isZero();
    assertThat(test.mean()).isEqualTo(0.1);
    assertThat(test.oneSidedP()).isZero();
    assertThat(test.twoSidedP()).isZero();
    assertThat(test.upperBound(0.05)).isEqualTo(0.1);
    assertThat(test.interval(0.95)).isEqualTo(new Interval(0.1, 0.1));
    assertThat(test.t()).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void allZeroDifferencesGivePOne() {
    PairedT test = PairedT.of(new double[] {0, 0, 0, 0});
    assertThat(test.t()).isZero();
    assertThat(test.oneSidedP()).isEqualTo(1.0);
    assertThat(test.twoSidedP()).isEqualTo(1.0);
    assertThat(test.upperBound(0.05)).isZero();
  }

  @Test
  void equalNegativeDifferencesGivePOne() {
    PairedT test = PairedT.of(new double[] {-0.2, -0.2});
    assertThat(test.oneSidedP()).isEqualTo(1.0);
    assertThat(test.upperBound(0.05)).isEqualTo(-0.2);
  }

  @Test
  void unequalLengthsAreRejected() {
    assertThatThrownBy(() -> PairedT.of(new double[] {1, 2, 3}, new double[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("paired scores need equal lengths but a has 3 and b has 2");
  }

  @Test
  void oneItemIsNotEnough() {
    assertThatThrownBy(() -> PairedT.of(new double[] {0.5}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("d needs at least 2 values but has 1");
  }

  @Test
  void nonFiniteDifferencesAreRejectedWithTheirPosition() {
    assertThatThrownBy(() -> PairedT.of(new double[] {0.5, Double.NaN}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("d[1] must be finite but was NaN");
  }
}
