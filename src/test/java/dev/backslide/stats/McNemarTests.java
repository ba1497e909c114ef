package dev.backslide.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** McNemar's test against STATISTICS.md section 7, vectors 1 and 2. */
class McNemarTests {

  // Vector 1: R mcnemar.test docs, table [[794, 86], [150, 570]].
  private static final int B1 = 86;
  private static final int C1 = 150;

  // Vector 2: Fagerland et al. 2013, (a, b, c, d) = (1, 1, 7, 12).
  private static final int B2 = 1;
  private static final int C2 = 7;

  @Test
  void chiSquareWithoutCorrectionMatchesVectorOne() {
    assertThat(McNemar.chiSquare(B1, C1, false)).isCloseTo(17.3559, within(5e-5));
    assertThat(McNemar.chiSquareP(B1, C1, false)).isCloseTo(3.099e-5, within(5e-9));
  }

  @Test
  void chiSquareWithContinuityCorrectionMatchesVectorOne() {
    assertThat(McNemar.chiSquare(B1, C1, true)).isCloseTo(16.8178, within(5e-5));
    assertThat(McNemar.chiSquareP(B1, C1, true)).isCloseTo(4.115e-5, within(5e-9));
  }

  @Test
  void exactTwoSidedPMatchesVectorOne() {
    assertThat(McNemar.exactTwoSidedP(B1, C1)).isCloseTo(3.716e-5, within(5e-9));
    assertThat(McNemar.exactTwoSidedP(C1, B1)).isEqualTo(McNemar.exactTwoSidedP(B1, C1));
  }

  @Test
  void exactTwoSidedPMatchesVectorTwo() {
    assertThat(McNemar.exactTwoSidedP(B2, C2)).isEqualTo(18.0 / 256, within(1e-15));
  }

  @Test
  void twoSidedMidPMatchesVectorTwo() {
    assertThat(McNemar.twoSidedMidP(B2, C2)).isCloseTo(0.0391, within(5e-5));
    assertThat(McNemar.twoSidedMidP(B2, C2)).isEqualTo(10.0 / 256, within(1e-15));
  }

  @Test
  void asymptoticChiSquareMatchesVectorTwo() {
    assertThat(McNemar.chiSquare(B2, C2, false)).isEqualTo(4.5, within(1e-12));
    assertThat(McNemar.chiSquareP(B2, C2, false)).isCloseTo(0.0339, within(5e-5));
  }

  @Test
  void exactOneSidedPMatchesBinomialTail() {
    // P(Bin(8, 1/2) >= 7) = (8 + 1) / 256
    assertThat(McNemar.exactOneSidedP(7, 1)).isEqualTo(9.0 / 256, within(1e-15));
    // B improved: the regression p value is large, P(Bin(8, 1/2) >= 1) = 255 / 256
    assertThat(McNemar.exactOneSidedP(1, 7)).isEqualTo(255.0 / 256, within(1e-15));
  }

  @Test
  void exactOneSidedPKeepsItsDigitsFarInTheTail() {
    // 200 flips, all against B: 2^-200, which 1 - cdf would round to 0
    double p = McNemar.exactOneSidedP(200, 0);
    assertThat(p / Math.pow(2, -200)).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void oneSidedMidPSubtractsHalfThePointProbability() {
    assertThat(McNemar.midP(7, 1)).isEqualTo((9.0 - 4.0) / 256, within(1e-15));
  }

  @Test
  void noDiscordantPairsGiveNoEvidenceOfRegression() {
    assertThat(McNemar.exactOneSidedP(0, 0)).isEqualTo(1.0);
    assertThat(McNemar.exactTwoSidedP(0, 0)).isEqualTo(1.0);
    assertThat(McNemar.midP(0, 0)).isEqualTo(0.5);
    assertThat(McNemar.chiSquare(0, 0, false)).isZero();
    assertThat(McNemar.chiSquareP(0, 0, true)).isEqualTo(1.0);
  }

  @Test
  void balancedTableScoresZeroWithContinuityCorrection() {
    assertThat(McNemar.chiSquare(5, 5, true)).isZero();
    assertThat(McNemar.chiSquareP(5, 5, true)).isEqualTo(1.0);
  }

  @Test
  void twoSidedPNeverExceedsOne() {
    for (int b = 0; b <= 30; b++) {
      for (int c = 0; c <= 30; c++) {
        assertThat(McNemar.exactTwoSidedP(b, c)).isBetween(0.0, 1.0);
        assertThat(McNemar.twoSidedMidP(b, c)).isBetween(0.0, 1.0);
        assertThat(McNemar.exactOneSidedP(b, c)).isBetween(0.0, 1.0);
      }
    }
  }

  @Test
  void negativeCountsAreRejectedWithTheirName() {
    assertThatThrownBy(() -> McNemar.exactOneSidedP(-1, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("b must be >= 0 but was -1");
    assertThatThrownBy(() -> McNemar.chiSquare(3, -2, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("c must be >= 0 but was -2");
  }
}
