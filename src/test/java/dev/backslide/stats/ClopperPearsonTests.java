package dev.backslide.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Clopper-Pearson intervals against STATISTICS.md section 7, vector 5. */
class ClopperPearsonTests {

  @Test
  void intervalsMatchVectorFive() {
    assertInterval(ClopperPearson.interval(81, 263, 0.95), 0.2527, 0.3676);
    assertInterval(ClopperPearson.interval(0, 20, 0.95), 0, 0.1684);
    assertInterval(ClopperPearson.interval(1, 29, 0.95), 0.0009, 0.1776);
    assertInterval(ClopperPearson.interval(682, 925, 0.95), 0.7077, 0.7654);
  }

  @Test
  void allSuccessesGiveAnUpperEndOfOne() {
    Interval interval = ClopperPearson.interval(20, 20, 0.95);
    assertThat(interval.upper()).isEqualTo(1.0);
    // mirror image of 0/20
    assertThat(interval.lower()).isCloseTo(1 - 0.1684, within(5e-5));
  }

  @Test
  void zeroSuccessesGiveTheClosedFormUpperBound() {
    // x = 0: U = 1 - alpha^(1/n)
    assertThat(ClopperPearson.upperBound(0, 20, 0.05))
        .isCloseTo(1 - Math.pow(0.05, 1.0 / 20), within(1e-10));
    assertThat(ClopperPearson.lowerBound(0, 20, 0.05)).isZero();
  }

  @Test
  void zeroFailuresInNGiveAnUpperBoundOfAboutThreeOverN() {
    // rule of three
    assertThat(ClopperPearson.upperBound(0, 300, 0.05)).isCloseTo(3.0 / 300, within(1e-4));
  }

  @Test
  void certifyingNinetyNinePercentRefusalNeedsTwoHundredNinetyNinePrompts() {
    assertThat(ClopperPearson.lowerBound(299, 299, 0.05)).isGreaterThanOrEqualTo(0.99);
    assertThat(ClopperPearson.lowerBound(298, 298, 0.05)).isLessThan(0.99);
  }

  @Test
  void oneSidedLowerBoundIsTheBetaQuantileAtAlpha() {
    // all n successes: the lower bound is alpha^(1/n)
    assertThat(ClopperPearson.lowerBound(50, 50, 0.05))
        .isCloseTo(Math.pow(0.05, 1.0 / 50), within(1e-10));
    // a one-sided 95% bound equals the lower end of the two-sided 90% interval
    assertThat(ClopperPearson.lowerBound(190, 200, 0.05))
        .isCloseTo(ClopperPearson.interval(190, 200, 0.90).lower(), within(1e-12));
  }

  @Test
  void zeroTrialsAreRejected() {
    assertThatThrownBy(() -> ClopperPearson.lowerBound(0, 0, 0.05))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("n must be >= 1 but was 0");
  }

  private static void assertInterval(Interval actual, double lower, double upper) {
    assertThat(actual.lower()).isCloseTo(lower, within(5e-5));
    assertThat(actual.upper()).isCloseTo(upper, within(5e-5));
  }
}
