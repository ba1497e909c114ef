package dev.backslide.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.commons.math3.stat.inference.AlternativeHypothesis;
import org.apache.commons.math3.stat.inference.BinomialTest;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.apache.commons.math3.stat.inference.TTest;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;
import org.apache.commons.math3.stat.interval.AgrestiCoullInterval;
import org.apache.commons.math3.stat.interval.ClopperPearsonInterval;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.junit.jupiter.api.Test;

/**
 * The Commons Math 3.6.1 pitfalls of STATISTICS.md section 8: each test first shows that the trap
 * exists in the jar on the class path, then that our class avoids it. If an upgrade fixes a trap
 * its first assertion fails: then revisit the workaround rather than deleting the test.
 * StatsArchitectureTests keeps the trapped classes out of the main code.
 */
class CommonsMathPitfallsTests {
  private static final double[] SLEEP_G1 = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};
  private static final double[] SLEEP_G2 = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};

  @Test
  void binomialTestTwoSidedReturnsPAboveOneButOurExactTestsDoNot() {
    BinomialTest trapped = new BinomialTest();
    assertThat(trapped.binomialTest(2, 1, 0.5, AlternativeHypothesis.TWO_SIDED)).isEqualTo(1.5);
    assertThat(trapped.binomialTest(10, 5, 0.5, AlternativeHypothesis.TWO_SIDED))
        .isCloseTo(1.246, within(5e-4));
    assertThat(trapped.binomialTest(0, 0, 0.5, AlternativeHypothesis.TWO_SIDED)).isEqualTo(2.0);

    assertThat(McNemar.exactTwoSidedP(1, 1)).isEqualTo(1.0);
    assertThat(McNemar.exactTwoSidedP(5, 5)).isEqualTo(1.0);
    assertThat(McNemar.exactTwoSidedP(0, 0)).isEqualTo(1.0);
    assertThat(BinomialExact.twoSidedP(1, 2, 0.5)).isEqualTo(1.0);
    assertThat(BinomialExact.twoSidedP(5, 10, 0.5)).isEqualTo(1.0);
  }

  @Test
  void clopperPearsonIntervalThrowsAtZeroAndAllButOursDoesNot() {
    ClopperPearsonInterval trapped = new ClopperPearsonInterval();
    assertThatThrownBy(() -> trapped.createInterval(20, 0, 0.95))
        .hasMessageContaining("degrees of freedom (0)");
    assertThatThrownBy(() -> trapped.createInterval(20, 20, 0.95))
        .hasMessageContaining("degrees of freedom (0)");

    assertThat(ClopperPearson.interval(0, 20, 0.95).upper()).isCloseTo(0.1684, within(5e-5));
    assertThat(ClopperPearson.interval(20, 20, 0.95).upper()).isEqualTo(1.0);
    assertThat(ClopperPearson.lowerBound(20, 20, 0.05)).isCloseTo(0.8609, within(5e-5));
  }

  @Test
  void wilcoxonSignedRankKeepsZeroDifferencesAndExceedsOneButSignFlipDoesNot() {
    WilcoxonSignedRankTest trapped = new WilcoxonSignedRankTest();
    double[] zeros = new double[8];
    // identical scores on 8 items look "significant"
    assertThat(trapped.wilcoxonSignedRankTest(zeros, zeros.clone(), true)).isLessThan(0.01);
    assertThat(trapped.wilcoxonSignedRankTest(zeros, zeros.clone(), false)).isLessThan(0.01);
    // differences (1, -1, 2, -2): p above 1
    assertThat(
            trapped.wilcoxonSignedRankTest(
                new double[] {1, 0, 2, 0}, new double[] {0, 1, 0, 2}, true))
        .isEqualTo(1.125);

    assertThat(SignFlip.exact(zeros).p()).isEqualTo(1.0);
    assertThat(SignFlip.exact(new double[] {1, -1, 2, -2}).p()).isEqualTo(10.0 / 16);
  }

  @Test
  void pairedTTestReturnsNanWhenAllDifferencesAreZeroButPairedTGuardsIt() {
    TTest trapped = new TTest();
    double[] same = {0.5, 1.0, 0.0, 0.5};
    assertThat(trapped.pairedTTest(same, same.clone())).isNaN();
    assertThat(trapped.pairedT(new double[] {0.1, 0.1}, new double[] {0, 0})).isInfinite();

    PairedT unchanged = PairedT.of(same, same.clone());
    assertThat(unchanged.oneSidedP()).isEqualTo(1.0);
    assertThat(unchanged.twoSidedP()).isEqualTo(1.0);
    assertThat(unchanged.upperBound(0.05)).isZero();
    PairedT allWorse = PairedT.of(new double[] {0.1, 0.1, 0.1});
    assertThat(allWorse.oneSidedP()).isZero();
    assertThat(allWorse.upperBound(0.05)).isEqualTo(0.1);
  }

  @Test
  void agrestiCoullLeavesTheUnitIntervalButWilsonDoesNot() {
    AgrestiCoullInterval trapped = new AgrestiCoullInterval();
    ConfidenceInterval none = trapped.createInterval(20, 0, 0.95);
    ConfidenceInterval all = trapped.createInterval(20, 20, 0.95);
    assertThat(none.getLowerBound()).isNegative();
    assertThat(all.getUpperBound()).isGreaterThan(1.0);

    assertThat(Wilson.interval(0, 20, 0.95).lower()).isZero();
    assertThat(Wilson.interval(20, 20, 0.95).upper()).isEqualTo(1.0);
  }

  @Test
  void mannWhitneyIgnoresThePairingThatPairedTUses() {
    // the same ten subjects under two drugs: unpaired, the difference is not significant
    assertThat(new MannWhitneyUTest().mannWhitneyUTest(SLEEP_G1, SLEEP_G2)).isGreaterThan(0.05);
    assertThat(PairedT.of(SLEEP_G1, SLEEP_G2).twoSidedP()).isLessThan(0.005);
    assertThat(SignFlip.exact(difference(SLEEP_G2, SLEEP_G1)).p()).isLessThan(0.005);
  }

  @Test
  void noMcNemarHolmTangoClusteredSeOrSignFlipClassExistsInTheJar() {
    for (String name :
        List.of(
            "org.apache.commons.math3.stat.inference.McNemarTest",
            "org.apache.commons.math3.stat.inference.SignFlipTest",
            "org.apache.commons.math3.stat.correction.Holm")) {
      assertThatThrownBy(() -> Class.forName(name)).isInstanceOf(ClassNotFoundException.class);
    }
  }

  private static double[] difference(double[] a, double[] b) {
    double[] d = new double[a.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = a[i] - b[i];
    }
    return d;
  }
}
