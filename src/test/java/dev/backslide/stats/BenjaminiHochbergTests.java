package dev.backslide.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Benjamini-Hochberg correction against STATISTICS.md section 7, vector 8. */
class BenjaminiHochbergTests {
  private static final double[] VECTOR_8 = {0.50, 0.01, 0.001, 0.69, 0.02, 0.05, 0.0025};

  @Test
  void rejectionsMatchVectorEight() {
    assertThat(BenjaminiHochberg.reject(VECTOR_8, 0.05))
        .containsExactly(false, true, true, false, true, false, true);
  }

  @Test
  void adjustedPValuesMatchRsPAdjust() {
    assertThat(BenjaminiHochberg.adjust(VECTOR_8))
        .containsExactly(
            new double[] {3.5 / 6, 0.07 / 3, 0.007, 0.69, 0.035, 0.07, 0.00875}, within(1e-15));
  }

  @Test
  void rejectsAtLeastWhatHolmRejects() {
    SplittableRandom random = new SplittableRandom(9);
    for (int trial = 0; trial < 200; trial++) {
      double[] p = new double[1 + random.nextInt(12)];
      for (int i = 0; i < p.length; i++) {
        p[i] = random.nextDouble() * random.nextDouble() * random.nextDouble();
      }
      boolean[] holm = Holm.reject(p, 0.05);
      boolean[] bh = BenjaminiHochberg.reject(p, 0.05);
      for (int i = 0; i < p.length; i++) {
        assertThat(!holm[i] || bh[i]).isTrue();
      }
    }
  }

  @Test
  void adjustedPValuesAreMonotoneAndCappedAtOne() {
    double[] adjusted = BenjaminiHochberg.adjust(new double[] {0.9, 0.95, 1.0, 0.4});
    assertThat(adjusted).containsExactly(new double[] {1.0, 1.0, 1.0, 1.0}, within(1e-15));
    double[] p = {0.04, 0.01, 0.03, 0.02};
    double[] bh = BenjaminiHochberg.adjust(p);
    assertThat(bh).containsExactly(new double[] {0.04, 0.04, 0.04, 0.04}, within(1e-15));
  }

  @Test
  void aNegativeRateIsRejected() {
    assertThatThrownBy(() -> BenjaminiHochberg.reject(VECTOR_8, -0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("q must be in (0.0, 1.0) but was -0.1");
  }
}
