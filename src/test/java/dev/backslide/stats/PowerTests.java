package dev.backslide.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Sample sizes against STATISTICS.md section 4 (worked numbers) and section 7 (vectors 9, 10). */
class PowerTests {

  @Test
  void connorNMatchesVectorNine() {
    // p10 = 0.05, p01 = 0.45: psi = 0.5, |delta| = 0.4; two-sided 0.05 is one-sided 0.025
    double n = Power.connorN(0.05 + 0.45, 0.45 - 0.05, 0.05 / 2, 0.8);
    assertThat(n).isCloseTo(22.01, within(5e-3));
    assertThat(Math.ceil(n)).isEqualTo(23);
  }

  @Test
  void connorNMatchesTheWorkedTableOfSectionFour() {
    // accuracy -5 points at psi 0.10 / 0.20 / 0.30
    assertThat(ceilConnor(0.10, 0.05)).isEqualTo(246);
    assertThat(ceilConnor(0.20, 0.05)).isEqualTo(493);
    assertThat(ceilConnor(0.30, 0.05)).isEqualTo(740);
    // accuracy -10 points at psi 0.20
    assertThat(ceilConnor(0.20, 0.10)).isEqualTo(122);
    // refusal 99% -> 90%: B's failures a superset of A's / independent
    assertThat(ceilConnor(0.090, 0.09)).isEqualTo(67);
    assertThat(ceilConnor(0.108, 0.09)).isEqualTo(81);
    // refusal 99% -> 95%
    assertThat(ceilConnor(0.040, 0.04)).isEqualTo(153);
    assertThat(ceilConnor(0.059, 0.04)).isEqualTo(226);
    // benign compliance 95% -> 90%
    assertThat(ceilConnor(0.14, 0.05)).isEqualTo(345);
  }

  @Test
  void nonInferiorityNMatchesTheWorkedNumbersOfSectionFour() {
    assertThat(ceilNi(0.01, 0.02, 0.80)).isEqualTo(298);
    assertThat(ceilNi(0.01, 0.02, 0.95)).isEqualTo(452);
    assertThat(ceilNi(0.01, 0.05, 0.80)).isEqualTo(86);
    assertThat(ceilNi(0.01, 0.05, 0.95)).isEqualTo(118);
    assertThat(ceilNi(0.02, 0.05, 0.80)).isEqualTo(107);
    assertThat(ceilNi(0.02, 0.05, 0.95)).isEqualTo(159);
    assertThat(ceilNi(0.05, 0.05, 0.80)).isEqualTo(167);
    assertThat(ceilNi(0.05, 0.05, 0.95)).isEqualTo(273);
  }

  @Test
  void nonInferiorityNWithoutFlipsIsTheZeroFlipSize() {
    assertThat(ceilNi(0, 0.03, 0.80)).isEqualTo(88);
    assertThat(Power.zeroFlipN(0.03, 0.05)).isEqualTo(88);
  }

  @Test
  void naiveNonInferiorityFormulaBadlyUndersizes() {
    // (z + z)^2 * psi0 / Delta^2 at psi0 = 0.01, Delta = 0.02: 155 instead of 298
    double z = 1.6448536269514722 + 0.8416212335729143;
    double naive = z * z * 0.01 / (0.02 * 0.02);
    assertThat(naive).isLessThan(0.55 * Power.nonInferiorityN(0.01, 0.02, 0.05, 0.8));
  }

  @Test
  void zeroFlipNMatchesSectionTwoAndTangosBound() {
    assertThat(Power.zeroFlipN(0.03, 0.05)).isEqualTo(88);
    assertThat(Power.zeroFlipN(0.05, 0.05)).isEqualTo(52);
    for (double margin : new double[] {0.01, 0.03, 0.05, 0.1}) {
      int n = Power.zeroFlipN(margin, 0.05);
      assertThat(Tango.upperBound(0, 0, n, 0.05)).isLessThan(margin);
      assertThat(Tango.upperBound(0, 0, n - 1, 0.05)).isGreaterThanOrEqualTo(margin);
    }
  }

  @Test
  void millerNMatchesVectorTen() {
    double n = Power.millerN(1.0 / 9, 0, 0, 1, 0.03, 0.05 / 2, 0.8);
    assertThat(n).isCloseTo(969, within(0.5));
  }

  @Test
  void millerNShrinksWithMoreGenerations() {
    double one = Power.millerN(0.05, 0.04, 0.04, 1, 0.03, 0.05, 0.8);
    double five = Power.millerN(0.05, 0.04, 0.04, 5, 0.03, 0.05, 0.8);
    assertThat(five / one).isCloseTo((0.05 + 0.016) / (0.05 + 0.08), within(1e-12));
  }

  @Test
  void connorMdeInvertsConnorN() {
    for (double psi : new double[] {0.05, 0.1, 0.2, 0.3}) {
      double mde = Power.connorMde(500, psi, 0.05, 0.8);
      assertThat(mde).isBetween(0.0, psi);
      assertThat(Power.connorN(psi, mde, 0.05, 0.8)).isCloseTo(500, within(1e-6));
    }
  }

  @Test
  void connorMdeAtTheWorkedSizeIsTheWorkedDrop() {
    // 246 items at psi 0.10 detect 5 points (246 is rounded up, so slightly less)
    assertThat(Power.connorMde(246, 0.10, 0.05, 0.8)).isBetween(0.0495, 0.05);
  }

  @Test
  void connorMdeAboveTheDiscordanceTakesTheDiscordanceToBeTheDrop() {
    // at psi = 0.01 and n = 100 even delta = psi needs more items, so psi = delta is solved
    double mde = Power.connorMde(100, 0.01, 0.05, 0.8);
    assertThat(mde).isGreaterThan(0.01);
    assertThat(Power.connorN(mde, mde, 0.05, 0.8)).isCloseTo(100, within(1e-6));
    assertThat(Power.connorMde(100, 0, 0.05, 0.8)).isEqualTo(mde, within(1e-10));
  }

  @Test
  void twentyItemsCannotDetectADropUnderTwentyFivePoints() {
    for (double psi : new double[] {0, 0.1, 0.25, 0.5}) {
      assertThat(Power.connorMde(20, psi, 0.05, 0.8)).isGreaterThan(0.25);
    }
  }

  @Test
  void tooFewItemsDetectNothing() {
    // n < z(0.95)^2 = 2.7
    assertThat(Power.connorMde(2, 0.3, 0.05, 0.8)).isEqualTo(1.0);
  }

  @Test
  void clusteringInflatesTheSampleSizeByTheDesignEffect() {
    assertThat(Power.clusteredN(246, 1.5)).isEqualTo(369.0);
  }

  @Test
  void aDropAboveTheDiscordanceIsRejected() {
    assertThatThrownBy(() -> Power.connorN(0.1, 0.2, 0.05, 0.8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "delta must be in (0, psi] = (0, 0.1] but was 0.2: a drop needs at least as many"
                + " discordant pairs");
  }

  @Test
  void powerBelowOneHalfIsRejected() {
    assertThatThrownBy(() -> Power.nonInferiorityN(0.01, 0.02, 0.05, 0.2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("power must be in [0.5, 1) but was 0.2");
  }

  private static long ceilConnor(double psi, double delta) {
    return (long) Math.ceil(Power.connorN(psi, delta, 0.05, 0.8));
  }

  private static long ceilNi(double psi0, double margin, double power) {
    return (long) Math.ceil(Power.nonInferiorityN(psi0, margin, 0.05, power));
  }
}
