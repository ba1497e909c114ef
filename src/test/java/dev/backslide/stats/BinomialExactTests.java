package dev.backslide.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The exact binomial test against STATISTICS.md section 7, vector 6, and R's binom.test. */
class BinomialExactTests {

  @Test
  void twoSidedPMatchesVectorSix() {
    assertThat(BinomialExact.twoSidedP(682, 925, 0.75)).isCloseTo(0.3825, within(5e-5));
  }

  @Test
  void twoSidedPMatchesBinomTestOnAsymmetricNulls() {
    // reference values from binom.test's algorithm (scipy.stats.binomtest implements the same)
    assertThat(BinomialExact.twoSidedP(2, 20, 0.3)).isCloseTo(0.05262794872972706, within(1e-12));
    assertThat(BinomialExact.twoSidedP(0, 10, 0.1)).isCloseTo(0.6125795109999999, within(1e-12));
    assertThat(BinomialExact.twoSidedP(40, 50, 0.7)).isCloseTo(0.16365322337688198, within(1e-12));
    assertThat(BinomialExact.twoSidedP(7, 19, 0.2)).isCloseTo(0.0820115847047021, within(1e-12));
  }

  @Test
  void symmetricNullDoublesTheSmallerTail() {
    assertThat(BinomialExact.twoSidedP(9, 10, 0.5)).isEqualTo(22.0 / 1024, within(1e-15));
    assertThat(BinomialExact.twoSidedP(10, 10, 0.5)).isEqualTo(2.0 / 1024, within(1e-15));
  }

  @Test
  void observingTheExpectedCountGivesOne() {
    assertThat(BinomialExact.twoSidedP(1, 2, 0.5)).isEqualTo(1.0);
    assertThat(BinomialExact.twoSidedP(5, 10, 0.5)).isEqualTo(1.0);
  }

  @Test
  void degenerateNullsGiveZeroOrOne() {
    assertThat(BinomialExact.twoSidedP(0, 10, 0.0)).isEqualTo(1.0);
    assertThat(BinomialExact.twoSidedP(3, 10, 0.0)).isZero();
    assertThat(BinomialExact.twoSidedP(10, 10, 1.0)).isEqualTo(1.0);
    assertThat(BinomialExact.twoSidedP(9, 10, 1.0)).isZero();
  }

  @Test
  void pNeverExceedsOne() {
    for (int n = 1; n <= 30; n++) {
      for (int x = 0; x <= n; x++) {
        assertThat(BinomialExact.twoSidedP(x, n, 0.37)).isBetween(0.0, 1.0);
      }
    }
  }

  @Test
  void aProbabilityOutsideTheUnitIntervalIsRejected() {
    assertThatThrownBy(() -> BinomialExact.twoSidedP(1, 2, 1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("p must be in [0.0, 1.0] but was 1.5");
  }
}
