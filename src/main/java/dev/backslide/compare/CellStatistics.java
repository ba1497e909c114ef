package dev.backslide.compare;

import dev.backslide.stats.Interval;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The paired statistics of one cell (STATISTICS.md sections 1 to 4). Rates are oriented so that
 * larger is better; {@code delta} is reference minus candidate, so a positive delta is a
 * regression.
 *
 * @param n pairs in the test
 * @param excluded pairs left out (endpoint error or could not judge)
 * @param bothOk pairs where both succeeded (binary scores only, else 0)
 * @param b reference succeeded, candidate did not (binary), or the sum of positive differences
 * @param c candidate succeeded, reference did not (binary), or the sum of negative differences
 * @param bothFailed pairs where both failed (binary only)
 * @param referenceRate the reference's mean score
 * @param candidateRate the candidate's mean score
 * @param referenceInterval 95% interval of the reference rate (Wilson for binary, t otherwise)
 * @param candidateInterval same, for the candidate
 * @param delta referenceRate - candidateRate
 * @param upperBound one-sided (1 - alpha) upper confidence bound on delta
 * @param lowerBound one-sided (1 - alpha) lower confidence bound on delta (equivalence mode)
 * @param pRegression one-sided p-value of the regression test (H1: delta > 0), unadjusted
 * @param pImprovement one-sided p-value for H1: delta < 0 (the candidate is better)
 * @param psi discordance: share of pairs whose scores differ
 * @param mde the smallest true drop detected with power 0.8 at this n and alpha
 * @param test the tests used, e.g. "exact McNemar; Tango bound"
 * @param why why these tests, in words
 * @param clusters G, the number of clusters, or 0 when the items are independent
 * @param samples k, the most samples per item in the cell
 * @param seed the seed of a Monte-Carlo permutation test, or null
 */
public record CellStatistics(
    int n,
    int excluded,
    int bothOk,
    double b,
    double c,
    int bothFailed,
    double referenceRate,
    double candidateRate,
    Interval referenceInterval,
    Interval candidateInterval,
    double delta,
    double upperBound,
    double lowerBound,
    double pRegression,
    double pImprovement,
    double psi,
    double mde,
    String test,
    String why,
    int clusters,
    int samples,
    @Nullable Long seed) {

  public CellStatistics {
    Objects.requireNonNull(test, "test");
    Objects.requireNonNull(why, "why");
    if (n < 1) {
      throw new IllegalArgumentException("cell statistics need at least one pair but n = " + n);
    }
  }

  /** True when every score was 0 or 1 and the binary table applies. */
  public boolean binary() {
    return bothOk + (int) b + (int) c + bothFailed == n && b == Math.rint(b) && c == Math.rint(c);
  }

  /** The candidate's successes, for one-rate bounds (the safety floor): round(n * rate). */
  public int candidateSuccesses() {
    return (int) Math.round(n * candidateRate);
  }
}
