package dev.backslide.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Tango's score test against STATISTICS.md section 7, vector 3, and the edge cells. */
class TangoTests {
  private static final double Z95 = 1.6448536269514722;

  @Test
  void intervalMatchesVectorThree() {
    // (a, b, c, d) = (1, 1, 7, 12): p1 - p2 = (b - c) / n = -6/21
    Interval interval = Tango.interval(1, 7, 21, 0.95);
    assertThat(interval.lower()).isCloseTo(-0.5172, within(5e-5));
    assertThat(interval.upper()).isCloseTo(-0.0260, within(5e-5));
    assertThat(interval.contains(-6.0 / 21)).isTrue();
  }

  @Test
  void zAtZeroIsTheMcNemarZOfVectorThree() {
    assertThat(Tango.z(1, 7, 21, 0)).isCloseTo(-2.1213, within(5e-5));
  }

  @Test
  void zAtZeroEqualsTheMcNemarZForAnyTable() {
    int[][] tables = {{31, 1, 300}, {5, 5, 40}, {0, 3, 10}, {12, 0, 12}, {86, 150, 1600}};
    for (int[] t : tables) {
      double mcNemarZ = (t[0] - t[1]) / Math.sqrt(t[0] + t[1]);
      assertThat(Tango.z(t[0], t[1], t[2], 0)).isCloseTo(mcNemarZ, within(1e-12));
    }
  }

  @Test
  void aWorseCandidateGivesAPositiveDifferenceAndZ() {
    assertThat(Tango.z(10, 2, 100, 0)).isPositive();
    assertThat(Tango.upperBound(10, 2, 100, 0.05)).isGreaterThan(0.08);
    assertThat(Tango.lowerBound(10, 2, 100, 0.05)).isBetween(0.0, 0.08);
  }

  @Test
  void zDecreasesInTheta() {
    int[][] tables = {{1, 7, 21}, {0, 0, 30}, {3, 0, 50}, {0, 4, 50}, {20, 20, 40}};
    for (int[] t : tables) {
      double previous = Double.POSITIVE_INFINITY;
      for (int i = -99; i <= 99; i++) {
        double z = Tango.z(t[0], t[1], t[2], i / 100.0);
        assertThat(z).as("table %s at theta %s", t, i / 100.0).isLessThanOrEqualTo(previous);
        previous = z;
      }
    }
  }

  @Test
  void upperBoundIsWhereNonInferiorityPEqualsAlpha() {
    double u = Tango.upperBound(4, 1, 120, 0.05);
    assertThat(Tango.nonInferiorityP(4, 1, 120, u)).isCloseTo(0.05, within(1e-9));
    assertThat(Tango.nonInferiorityP(4, 1, 120, u + 0.001)).isLessThan(0.05);
    assertThat(Tango.nonInferiorityP(4, 1, 120, u - 0.001)).isGreaterThan(0.05);
  }

  @Test
  void zeroFlipsGiveTheClosedFormBound() {
    // b = c = 0: Z(theta) = -sqrt(n * theta / (1 - theta)), so U = z^2 / (n + z^2)
    for (int n : new int[] {1, 20, 88, 500}) {
      double expected = Z95 * Z95 / (n + Z95 * Z95);
      assertThat(Tango.upperBound(0, 0, n, 0.05)).isCloseTo(expected, within(1e-10));
      assertThat(Tango.lowerBound(0, 0, n, 0.05)).isCloseTo(-expected, within(1e-10));
    }
  }

  @Test
  void zeroFlipsProveNonInferiorityFromEightyEightItemsAtThreePoints() {
    assertThat(Tango.upperBound(0, 0, 88, 0.05)).isLessThan(0.03);
    assertThat(Tango.upperBound(0, 0, 87, 0.05)).isGreaterThan(0.03);
    assertThat(Tango.nonInferiorityP(0, 0, 88, 0.03)).isLessThan(0.05);
  }

  @Test
  void zeroFlipsProveNonInferiorityFromFiftyTwoItemsAtFivePoints() {
    assertThat(Tango.upperBound(0, 0, 52, 0.05)).isLessThan(0.05);
    assertThat(Tango.upperBound(0, 0, 51, 0.05)).isGreaterThan(0.05);
  }

  @Test
  void noFlipsAtThetaZeroGiveZZero() {
    assertThat(Tango.z(0, 0, 10, 0)).isZero();
    assertThat(Tango.nonInferiorityP(0, 0, 10, 0)).isEqualTo(0.5);
  }

  @Test
  void everyItemLostCapsTheUpperBoundAtOne() {
    assertThat(Tango.upperBound(15, 0, 15, 0.05)).isEqualTo(1.0);
    Interval interval = Tango.interval(15, 0, 15, 0.95);
    assertThat(interval.upper()).isEqualTo(1.0);
    assertThat(interval.lower()).isBetween(0.5, 1.0);
  }

  @Test
  void everyItemGainedFloorsTheLowerBoundAtMinusOne() {
    Interval interval = Tango.interval(0, 15, 15, 0.95);
    assertThat(interval.lower()).isEqualTo(-1.0);
    assertThat(interval.upper()).isBetween(-1.0, -0.5);
  }

  @Test
  void oneDiscordantCellAtZeroStillGivesAFiniteInterval() {
    // the near-99%-refusal case: a few flips, all one way
    Interval interval = Tango.interval(6, 0, 300, 0.95);
    assertThat(interval.lower()).isBetween(0.0, 0.02);
    assertThat(interval.upper()).isBetween(0.02, 0.05);
  }

  @Test
  void boundsAreTheirOwnMirrorImage() {
    assertThat(Tango.upperBound(2, 9, 80, 0.05))
        .isCloseTo(-Tango.lowerBound(9, 2, 80, 0.05), within(1e-10));
  }

  @Test
  void emptyCellIsRejected() {
    assertThatThrownBy(() -> Tango.z(0, 0, 0, 0.03))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("n must be >= 1 but was 0");
    assertThatThrownBy(() -> Tango.upperBound(0, 0, 0, 0.05))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("n must be >= 1 but was 0");
  }

  @Test
  void moreDiscordantPairsThanItemsAreRejected() {
    assertThatThrownBy(() -> Tango.interval(6, 5, 10, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("b + c must not exceed n but b = 6, c = 5, n = 10");
  }

  @Test
  void alphaAboveOneHalfIsRejected() {
    assertThatThrownBy(() -> Tango.upperBound(1, 1, 10, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("alpha must be in (0.0, 0.5) but was 0.95");
  }
}
