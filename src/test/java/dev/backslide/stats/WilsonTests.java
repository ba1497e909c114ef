package dev.backslide.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Wilson intervals against STATISTICS.md section 7, vector 4 (Newcombe 1998, Table I). */
class WilsonTests {

  @Test
  void intervalsMatchVectorFour() {
    assertInterval(Wilson.interval(81, 263, 0.95), 0.2553, 0.3662);
    assertInterval(Wilson.interval(15, 148, 0.95), 0.0624, 0.1605);
    assertInterval(Wilson.interval(0, 20, 0.95), 0, 0.1611);
    assertInterval(Wilson.interval(1, 29, 0.95), 0.0061, 0.1718);
  }

  @Test
  void extremeCountsStayInsideTheUnitInterval() {
    assertThat(Wilson.interval(0, 5, 0.95).lower()).isZero();
    assertThat(Wilson.interval(5, 5, 0.95).upper()).isEqualTo(1.0);
    for (int n = 1; n <= 40; n++) {
      for (int x = 0; x <= n; x++) {
        Interval interval = Wilson.interval(x, n, 0.99);
        assertThat(interval.lower()).isGreaterThanOrEqualTo(0.0);
        assertThat(interval.upper()).isLessThanOrEqualTo(1.0);
        assertThat(interval.contains((double) x / n)).isTrue();
      }
    }
  }

  @Test
  void successesAboveTrialsAreRejected() {
    assertThatThrownBy(() -> Wilson.interval(6, 5, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("x must be in [0, n] = [0, 5] but was 6");
  }

  @Test
  void aLevelOfOneIsRejected() {
    assertThatThrownBy(() -> Wilson.interval(1, 5, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("level must be in (0.0, 1.0) but was 1.0");
  }

  private static void assertInterval(Interval actual, double lower, double upper) {
    assertThat(actual.lower()).isCloseTo(lower, within(5e-5));
    assertThat(actual.upper()).isCloseTo(upper, within(5e-5));
  }
}
