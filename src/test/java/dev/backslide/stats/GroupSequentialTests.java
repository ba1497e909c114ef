package dev.backslide.stats;

import static dev.backslide.stats.GroupSequential.Sides.ONE_SIDED;
import static dev.backslide.stats.GroupSequential.Sides.TWO_SIDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Group-sequential boundaries against STATISTICS.md section 6 and section 7, vector 12. */
class GroupSequentialTests {

  @Test
  void pocockNominalPMatchesVectorTwelve() {
    double k2 = GroupSequential.pocock(2, 0.05, TWO_SIDED)[0];
    double k3 = GroupSequential.pocock(3, 0.05, TWO_SIDED)[0];
    assertThat(GroupSequential.nominalP(k2, TWO_SIDED)).isCloseTo(0.0294, within(5e-5));
    assertThat(GroupSequential.nominalP(k3, TWO_SIDED)).isCloseTo(0.0221, within(5e-5));
    // the published constants
    assertThat(k2).isCloseTo(2.178, within(5e-4));
    assertThat(k3).isCloseTo(2.289, within(5e-4));
  }

  @Test
  void oneSidedPocockMatchesSectionSix() {
    assertThat(GroupSequential.pocock(2, 0.05, ONE_SIDED))
        .containsExactly(new double[] {1.875, 1.875}, within(5e-4));
  }

  @Test
  void oneSidedObrienFlemingMatchesSectionSix() {
    assertThat(GroupSequential.obrienFleming(2, 0.05, ONE_SIDED))
        .containsExactly(new double[] {2.373, 1.678}, within(5e-4));
    assertThat(GroupSequential.obrienFleming(3, 0.05, ONE_SIDED))
        .containsExactly(new double[] {2.961, 2.094, 1.710}, within(5e-4));
  }

  @Test
  void boundariesSpendExactlyAlpha() {
    for (int looks = 1; looks <= 4; looks++) {
      for (GroupSequential.Sides sides : GroupSequential.Sides.values()) {
        double[] pocock = GroupSequential.pocock(looks, 0.05, sides);
        double[] obf = GroupSequential.obrienFleming(looks, 0.05, sides);
        assertThat(GroupSequential.crossingProbability(pocock, sides))
            .isCloseTo(0.05, within(1e-8));
        assertThat(GroupSequential.crossingProbability(obf, sides)).isCloseTo(0.05, within(1e-8));
      }
    }
  }

  @Test
  void oneLookIsTheFixedSampleTest() {
    assertThat(GroupSequential.pocock(1, 0.05, ONE_SIDED)[0])
        .isCloseTo(1.6448536269514722, within(1e-8));
    assertThat(GroupSequential.obrienFleming(1, 0.05, TWO_SIDED)[0])
        .isCloseTo(1.959963984540054, within(1e-8));
  }

  @Test
  void fiveUncorrectedLooksInflateAlphaToFourteenPercent() {
    // Armitage, via Lakens ch. 10: 5 looks at nominal two-sided 0.05 give 0.142
    double[] naive = {1.96, 1.96, 1.96, 1.96, 1.96};
    assertThat(GroupSequential.crossingProbability(naive, TWO_SIDED))
        .isCloseTo(0.142, within(5e-4));
  }

  @Test
  void nominalPIsTheNormalTail() {
    assertThat(GroupSequential.nominalP(1.959963984540054, TWO_SIDED))
        .isCloseTo(0.05, within(1e-12));
    assertThat(GroupSequential.nominalP(1.6448536269514722, ONE_SIDED))
        .isCloseTo(0.05, within(1e-12));
  }

  @Test
  void tooManyLooksAreRejected() {
    assertThatThrownBy(() -> GroupSequential.pocock(11, 0.05, ONE_SIDED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("looks must be in [1, 10] but was 11");
  }

  @Test
  void aNonPositiveBoundaryIsRejectedWithItsLook() {
    assertThatThrownBy(
            () -> GroupSequential.crossingProbability(new double[] {2.0, -1.0}, ONE_SIDED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("boundaries[1] must be finite and > 0 but was -1.0");
  }
}
