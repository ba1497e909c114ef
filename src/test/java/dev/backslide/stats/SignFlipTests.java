package dev.backslide.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The sign-flip permutation test, STATISTICS.md sections 3 and 7 (vector 11). */
class SignFlipTests {
  private static final double[] VECTOR_11 = {1, 1, 0, 0, -1, 1, 0, 0, 1};

  @Test
  void itemSignFlipMatchesVectorEleven() {
    SignFlip.Result result = SignFlip.test(VECTOR_11, 999, 1);
    assertThat(result.p()).isEqualTo(96.0 / 512);
    assertThat(result.method()).isEqualTo(SignFlip.Method.EXACT);
    assertThat(result.patterns()).isEqualTo(512);
    assertThat(result.seed()).isEmpty();
    assertThat(result.observedSum()).isEqualTo(3.0);
  }

  @Test
  void allDifferencesPositiveGiveTheSmallestExactP() {
    double[] d = {0.2, 0.4, 0.2, 0.6, 0.2, 0.2, 1.0, 0.4, 0.2, 0.2};
    assertThat(SignFlip.exact(d).p()).isEqualTo(1.0 / 1024);
  }

  @Test
  void allZeroDifferencesGivePOne() {
    assertThat(SignFlip.exact(new double[] {0, 0, 0}).p()).isEqualTo(1.0);
    assertThat(SignFlip.monteCarlo(new double[] {0, 0, 0}, 99, 5).p()).isEqualTo(1.0);
  }

  @Test
  void sumsEqualUpToRoundingCountAsTies() {
    // 0.1 + 0.2 + 0.3 - 0.6 is 5.55e-17 in doubles; the two patterns that sum to 0 exactly tie
    // with it, so p = (7 + 2) / 16
    double[] d = {0.1, 0.2, 0.3, -0.6};
    assertThat(SignFlip.exact(d).p()).isEqualTo(9.0 / 16);
  }

  @Test
  void moreThanTwentyDifferencesSwitchToMonteCarloWithTheSeedReported() {
    double[] d = new double[21];
    java.util.Arrays.fill(d, 0.5);
    d[0] = -0.5;
    SignFlip.Result result = SignFlip.test(d, 1999, 42);
    assertThat(result.method()).isEqualTo(SignFlip.Method.MONTE_CARLO);
    assertThat(result.seed()).isEqualTo(OptionalLong.of(42));
    assertThat(result.patterns()).isEqualTo(1999);
    // exact: P(at most one of 21 signs negative) = 22 / 2^21; MC can only show 1 / 2000
    assertThat(result.p()).isEqualTo(1.0 / 2000);
  }

  @Test
  void monteCarloIsReproducibleFromItsSeed() {
    double[] d = randomDifferences(40, 3);
    SignFlip.Result first = SignFlip.monteCarlo(d, 4999, 77);
    SignFlip.Result second = SignFlip.monteCarlo(d, 4999, 77);
    assertThat(second).isEqualTo(first);
  }

  @Test
  void monteCarloAgreesWithExactEnumerationWithinItsError() {
    double[] d = randomDifferences(16, 11);
    double exact = SignFlip.exact(d).p();
    double mc = SignFlip.monteCarlo(d, 20_000, 12).p();
    double error = Math.sqrt(exact * (1 - exact) / 20_000);
    assertThat(mc).isCloseTo(exact, within(4 * error + 1e-4));
  }

  @Test
  void monteCarloPIsNeverZero() {
    double[] d = new double[30];
    java.util.Arrays.fill(d, 1.0);
    assertThat(SignFlip.monteCarlo(d, 99, 1).p()).isEqualTo(0.01);
  }

  @Test
  void exactEnumerationRefusesMoreThanTwentyDifferences() {
    assertThatThrownBy(() -> SignFlip.exact(new double[21]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("exact enumeration is limited to 20 differences but d has 21; use monteCarlo");
  }

  @Test
  void zeroResamplesAreRejected() {
    assertThatThrownBy(() -> SignFlip.test(VECTOR_11, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("resamples must be >= 1 but was 0");
  }

  @Test
  void anExactResultCannotCarryASeed() {
    assertThatThrownBy(
            () -> new SignFlip.Result(0.5, SignFlip.Method.EXACT, 8, OptionalLong.of(3), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "a seed is reported exactly for Monte-Carlo results, but method is EXACT and seed is"
                + " OptionalLong[3]");
  }

  @Test
  void exactEnumerationCountsThePatternsOneByOne() {
    // the meet-in-the-middle count against the plain enumeration of every pattern: ties (scores
    // in tenths, zeros), odd and even n, n = 1 and the limit
    SplittableRandom random = new SplittableRandom(11);
    for (int n : new int[] {1, 2, 3, 7, 10, 13, 16, SignFlip.EXACT_LIMIT}) {
      for (int round = 0; round < 5; round++) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
          d[i] = round % 2 == 0 ? random.nextInt(-3, 4) / 10.0 : random.nextDouble() - 0.4;
        }
        assertThat(SignFlip.exact(d).p()).as("n = %d, round %d", n, round).isEqualTo(enumerated(d));
      }
    }
  }

  @Test
  void bothWaysIsBitForBitTheTestOfDAndOfMinusD() {
    // exact and Monte-Carlo, ties (tenths, zeros), all zeros, positive and negative means
    SplittableRandom random = new SplittableRandom(23);
    for (int n : new int[] {1, 2, 5, 11, SignFlip.EXACT_LIMIT, 21, 40, 130}) {
      for (int round = 0; round < 6; round++) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
          d[i] =
              switch (round) {
                case 0 -> 0;
                case 1, 2 -> random.nextInt(-3, 4) / 10.0;
                case 3 -> random.nextInt(-1, 2);
                default -> random.nextDouble() - (round == 4 ? 0.3 : 0.7);
              };
        }
        double[] minus = new double[n];
        for (int i = 0; i < n; i++) {
          minus[i] = -d[i];
        }
        SignFlip.BothWays both = SignFlip.bothWays(d, 2_000, 77 + round);
        assertThat(both.up())
            .as("up, n = %d, round %d", n, round)
            .isEqualTo(SignFlip.test(d, 2_000, 77 + round));
        assertThat(both.down())
            .as("down, n = %d, round %d", n, round)
            .isEqualTo(SignFlip.test(minus, 2_000, 77 + round));
      }
    }
  }

  /** {@code #{T* >= T} / 2^n} pattern by pattern, each sum taken left to right. */
  private static double enumerated(double[] d) {
    double observed = 0;
    double scale = 0;
    for (double v : d) {
      observed += v;
      scale += Math.abs(v);
    }
    double threshold = observed - SignFlip.TIE_TOLERANCE * scale;
    long patterns = 1L << d.length;
    long atLeast = 0;
    for (long mask = 0; mask < patterns; mask++) {
      double flipped = 0;
      for (int i = 0; i < d.length; i++) {
        flipped += ((mask >>> i) & 1) == 0 ? d[i] : -d[i];
      }
      if (flipped >= threshold) {
        atLeast++;
      }
    }
    return (double) atLeast / patterns;
  }

  private static double[] randomDifferences(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = random.nextDouble() - 0.4;
    }
    return d;
  }
}
