package dev.backslide.compare;

import dev.backslide.stats.Interval;
import java.util.Objects;

/**
 * The paired statistics of one cell (STATISTICS.md sections 1 to 4). Rates are oriented so that
 * larger is better; {@code delta} is reference minus candidate, so a positive delta is a
 * regression.
 *
 * @param n pairs in the test
 * @param excluded pairs left out (endpoint error or could not judge)
 * @param bothOk pairs where both succeeded (binary scores only, else 0)
 * @param b reference succeeded, candidate did not
 * @param c candidate succeeded, reference did not
 * @param bothFailed pairs where both failed
 * @param referenceRate the reference's mean score
 * @param candidateRate the candidate's mean score
 * @param referenceInterval Wilson 95% interval of the reference rate (binary) or t interval
 * @param candidateInterval same, for the candidate
 * @param delta referenceRate - candidateRate
 * @param upperBound one-sided (1 - alpha) upper confidence bound on delta
 * @param pRegression one-sided p-value of the regression test (H1: delta > 0), unadjusted
 * @param psi discordance: share of pairs that differ
 * @param mde the smallest true drop detected with power 0.8 at this n and alpha
 * @param test the test used, e.g. "exact McNemar; Tango bound"
 */
public record CellStatistics(
    int n,
    int excluded,
    int bothOk,
    int b,
    int c,
    int bothFailed,
    double referenceRate,
    double candidateRate,
    Interval referenceInterval,
    Interval candidateInterval,
    double delta,
    double upperBound,
    double pRegression,
    double psi,
    double mde,
    String test) {

  public CellStatistics {
    Objects.requireNonNull(test, "test");
    if (n < 1) {
      throw new IllegalArgumentException("cell statistics need at least one pair but n = " + n);
    }
  }

  /** True when every score was 0 or 1 and the McNemar/Tango pair of tests applies. */
  public boolean binary() {
    return bothOk + b + c + bothFailed == n;
  }
}
