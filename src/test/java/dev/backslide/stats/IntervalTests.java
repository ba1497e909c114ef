package dev.backslide.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IntervalTests {

  @Test
  void containsItsEnds() {
    Interval interval = new Interval(-0.5, 0.25);
    assertThat(interval.contains(-0.5)).isTrue();
    assertThat(interval.contains(0.25)).isTrue();
    assertThat(interval.contains(0.26)).isFalse();
    assertThat(interval.width()).isEqualTo(0.75);
  }

  @Test
  void aPointIsAnInterval() {
    assertThat(new Interval(0.3, 0.3).width()).isZero();
  }

  @Test
  void rejectsReversedEnds() {
    assertThatThrownBy(() -> new Interval(0.5, 0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("interval lower end 0.5 is above its upper end 0.1");
  }

  @Test
  void rejectsNonFiniteEnds() {
    assertThatThrownBy(() -> new Interval(Double.NaN, 0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("interval ends must be finite but were [NaN, 0.1]");
  }
}
