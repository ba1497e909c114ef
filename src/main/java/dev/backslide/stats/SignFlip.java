package dev.backslide.stats;

import java.util.Arrays;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * The paired sign-flip permutation test on per-item differences {@code d_i}, for H1 {@code mean >
 * 0} (B worse). Under H0 each difference is as likely to have either sign, so the observed sum
 * {@code T = sum d_i} is compared with the sums {@code T*} of the differences with random signs.
 *
 * <p>With at most {@value #EXACT_LIMIT} differences all {@code 2^n} sign patterns are enumerated
 * and {@code p = #{T* >= T} / 2^n}; otherwise {@code R} patterns are drawn from a {@link
 * SplittableRandom} with the given seed and {@code p = (1 + #{T* >= T}) / (1 + R)} (STATISTICS.md
 * section 3). Zero differences are kept: flipping them changes nothing, so they cancel from the
 * ratio. Sums within a relative {@value #TIE_TOLERANCE} of {@code T} count as ties ({@code T* >=
 * T}), so that sums of scores like 0.1 are not split by rounding.
 */
public final class SignFlip {
  /** The largest number of differences enumerated exactly (2^20 sign patterns). */
  public static final int EXACT_LIMIT = 20;

  /** Relative tolerance, on the scale of {@code sum |d_i|}, within which sums count as equal. */
  public static final double TIE_TOLERANCE = 1e-9;

  private SignFlip() {}

  /** How a sign-flip p value was computed. */
  public enum Method {
    /** All 2^n sign patterns. */
    EXACT,
    /** R random sign patterns from a seeded generator. */
    MONTE_CARLO
  }

  /**
   * The outcome of a sign-flip test, with what is needed to reproduce it.
   *
   * @param p the one-sided p value, in (0, 1]
   * @param method exact enumeration or Monte-Carlo
   * @param patterns sign patterns compared: 2^n when exact, R when Monte-Carlo
   * @param seed the generator seed for Monte-Carlo; empty when exact
   * @param observedSum the observed statistic {@code T = sum d_i}
   */
  public record Result(
      double p, Method method, long patterns, OptionalLong seed, double observedSum) {

    /** Validates the result. */
    public Result {
      if (!(p > 0 && p <= 1)) {
        throw new IllegalArgumentException("p must be in (0, 1] but was " + p);
      }
      if (patterns < 1) {
        throw new IllegalArgumentException("patterns must be >= 1 but was " + patterns);
      }
      if (seed.isPresent() != (method == Method.MONTE_CARLO)) {
        throw new IllegalArgumentException(
            "a seed is reported exactly for Monte-Carlo results, but method is "
                + method
                + " and seed is "
                + seed);
      }
      Checks.finite("observedSum", observedSum);
    }
  }

  /**
   * The sign-flip test, exact for at most {@value #EXACT_LIMIT} differences and Monte-Carlo above.
   *
   * @param d the differences {@code s_Ai - s_Bi}, at least 1, all finite
   * @param resamples R, the number of random sign patterns if Monte-Carlo is needed, {@code >= 1}
   * @param seed the seed of the generator if Monte-Carlo is needed
   * @return the p value with its method and seed
   */
  public static Result test(double[] d, int resamples, long seed) {
    Checks.sample("d", d, 1);
    Checks.atLeast("resamples", resamples, 1);
    return d.length <= EXACT_LIMIT ? exact(d) : monteCarlo(d, resamples, seed);
  }

  /**
   * The one-sided tests in both directions: {@code up} for H1 {@code mean > 0}, {@code down} for H1
   * {@code mean < 0}.
   *
   * @param up the test of {@code d}
   * @param down the test of {@code -d}
   */
  public record BothWays(Result up, Result down) {}

  /**
   * {@link #test} of {@code d} and of {@code -d} with the same seed, in one pass: the same sign
   * patterns serve both, since flipping {@code -d} gives exactly the negated sums (IEEE negation
   * and rounding are symmetric). Bit for bit what the two calls return.
   *
   * @param d the differences, at least 1, all finite
   * @param resamples R if Monte-Carlo is needed, {@code >= 1}
   * @param seed the seed of the generator if Monte-Carlo is needed
   * @return both one-sided p values, with their method and seed
   */
  public static BothWays bothWays(double[] d, int resamples, long seed) {
    Checks.sample("d", d, 1);
    Checks.atLeast("resamples", resamples, 1);
    return d.length <= EXACT_LIMIT ? exactBothWays(d) : monteCarloBothWays(d, resamples, seed);
  }

  /**
   * Both directions by exact enumeration, meeting in the middle: every pattern's sum is a sum of
   * the first half's and the second half's. The {@code 2^h} sums of one half are sorted; for each
   * of the other half's, binary searches count the partners that reach each threshold: {@code
   * O(2^(n/2) n)} instead of {@code O(2^n n)}.
   */
  private static BothWays exactBothWays(double[] d) {
    Sums sums = Sums.of(d);
    long patterns = 1L << d.length;
    int h = d.length / 2;
    double[] left = halfSums(d, 0, h);
    double[] right = halfSums(d, h, d.length);
    Arrays.sort(right);
    long up = 0;
    long down = 0;
    for (double a : left) {
      up += right.length - firstAtLeast(right, sums.threshold() - a);
      // test(-d) asks -b >= thresholdDown - (-a), i.e. b <= -(thresholdDown + a)
      down += firstAbove(right, -(sums.thresholdDown() + a));
    }
    return new BothWays(
        new Result(
            (double) up / patterns, Method.EXACT, patterns, OptionalLong.empty(), sums.observed()),
        new Result(
            (double) down / patterns,
            Method.EXACT,
            patterns,
            OptionalLong.empty(),
            sums.observedDown()));
  }

  /** Both directions from the same {@code R} random sign patterns. */
  private static BothWays monteCarloBothWays(double[] d, int resamples, long seed) {
    Sums sums = Sums.of(d);
    SplittableRandom random = new SplittableRandom(seed);
    long up = 0;
    long down = 0;
    for (int r = 0; r < resamples; r++) {
      double flipped = 0;
      long bits = 0;
      for (int i = 0; i < d.length; i++) {
        if ((i & 63) == 0) {
          bits = random.nextLong();
        }
        flipped += ((bits >>> (i & 63)) & 1) == 0 ? d[i] : -d[i];
      }
      if (flipped >= sums.threshold()) {
        up++;
      }
      if (-flipped >= sums.thresholdDown()) {
        down++;
      }
    }
    return new BothWays(
        monteCarloResult(up, resamples, seed, sums.observed()),
        monteCarloResult(down, resamples, seed, sums.observedDown()));
  }

  private static Result monteCarloResult(long atLeast, int resamples, long seed, double observed) {
    return new Result(
        (1.0 + atLeast) / (1.0 + resamples),
        Method.MONTE_CARLO,
        resamples,
        OptionalLong.of(seed),
        observed);
  }

  /**
   * The observed sums of {@code d} and of {@code -d} (which differ but for the sign of a zero) and
   * the thresholds a pattern's sum must reach for each, within the tie tolerance.
   */
  private record Sums(
      double observed, double threshold, double observedDown, double thresholdDown) {
    static Sums of(double[] d) {
      double observed = 0;
      double observedDown = 0;
      double scale = 0;
      for (double v : d) {
        observed += v;
        observedDown += -v;
        scale += Math.abs(v);
      }
      double tolerance = TIE_TOLERANCE * scale;
      return new Sums(observed, observed - tolerance, observedDown, observedDown - tolerance);
    }
  }

  /**
   * The exact sign-flip test over all {@code 2^n} sign patterns.
   *
   * @param d the differences, 1 to {@value #EXACT_LIMIT} values, all finite
   * @return {@code #{T* >= T} / 2^n}, with method {@link Method#EXACT}
   */
  public static Result exact(double[] d) {
    Checks.sample("d", d, 1);
    if (d.length > EXACT_LIMIT) {
      throw new IllegalArgumentException(
          "exact enumeration is limited to "
              + EXACT_LIMIT
              + " differences but d has "
              + d.length
              + "; use monteCarlo");
    }
    return exactBothWays(d).up();
  }

  /** The sums of {@code d[from..to)} under all {@code 2^(to - from)} sign patterns. */
  private static double[] halfSums(double[] d, int from, int to) {
    double[] sums = new double[1 << (to - from)];
    sums[0] = 0;
    for (int i = from; i < to; i++) {
      int size = 1 << (i - from);
      for (int j = size - 1; j >= 0; j--) {
        sums[j + size] = sums[j] - d[i];
        sums[j] = sums[j] + d[i];
      }
    }
    return sums;
  }

  /** The index of the first value of sorted {@code a} that is {@code >= x}, or its length. */
  private static int firstAtLeast(double[] a, double x) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] >= x) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** The index of the first value of sorted {@code a} that is {@code > x}, or its length. */
  private static int firstAbove(double[] a, double x) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] > x) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /**
   * The Monte-Carlo sign-flip test with {@code R} random sign patterns.
   *
   * @param d the differences, at least 1, all finite
   * @param resamples R, {@code >= 1}
   * @param seed the seed of the {@link SplittableRandom} that draws the signs
   * @return {@code (1 + #{T* >= T}) / (1 + R)}, with method {@link Method#MONTE_CARLO} and the seed
   */
  public static Result monteCarlo(double[] d, int resamples, long seed) {
    Checks.sample("d", d, 1);
    Checks.atLeast("resamples", resamples, 1);
    return monteCarloBothWays(d, resamples, seed).up();
  }
}
