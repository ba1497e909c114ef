package dev.backslide.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Holm's correction against STATISTICS.md section 7, vector 8. */
class HolmTests {
  private static final double[] VECTOR_8 = {0.50, 0.01, 0.001, 0.69, 0.02, 0.05, 0.0025};

  @Test
  void rejectionsMatchVectorEight() {
    assertThat(Holm.reject(VECTOR_8, 0.05))
        .containsExactly(false, true, true, false, false, false, true);
  }

  @Test
  void adjustedPValuesMatchRsPAdjust() {
    assertThat(Holm.adjust(VECTOR_8))
        .containsExactly(new double[] {1.0, 0.05, 0.007, 1.0, 0.08, 0.15, 0.015}, within(1e-15));
  }

  @Test
  void aPValueExactlyOnItsThresholdIsRejected() {
    // 2 * 0.025 = 0.05: "<=" rejects, then 0.04 <= 0.05 rejects too
    assertThat(Holm.reject(new double[] {0.025, 0.04}, 0.05)).containsExactly(true, true);
  }

  @Test
  void adjustedPValuesAreMonotoneAndCappedAtOne() {
    SplittableRandom random = new SplittableRandom(8);
    for (int trial = 0; trial < 200; trial++) {
      double[] p = new double[1 + random.nextInt(12)];
      for (int i = 0; i < p.length; i++) {
        p[i] = random.nextDouble() * random.nextDouble();
      }
      double[] adjusted = Holm.adjust(p);
      for (int i = 0; i < p.length; i++) {
        assertThat(adjusted[i]).isBetween(p[i], 1.0);
        for (int j = 0; j < p.length; j++) {
          if (p[i] <= p[j]) {
            assertThat(adjusted[i]).isLessThanOrEqualTo(adjusted[j]);
          }
        }
      }
    }
  }

  @Test
  void aFamilyOfOneIsNotAdjusted() {
    assertThat(Holm.adjust(new double[] {0.03})).containsExactly(0.03);
  }

  @Test
  void anEmptyFamilyRejectsNothing() {
    assertThat(Holm.adjust(new double[0])).isEmpty();
    assertThat(Holm.reject(new double[0], 0.05)).isEmpty();
  }

  @Test
  void aPValueAboveOneIsRejectedWithItsPosition() {
    assertThatThrownBy(() -> Holm.adjust(new double[] {0.2, 1.5}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("p[1] must be a probability in [0, 1] but was 1.5");
  }
}
