package dev.backslide.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mean difference of clustered items with its cluster-robust standard error: the cluster, not
 * the item, is the sampling unit (Miller 2024, App. A; Cameron and Miller 2015).
 *
 * <p>With {@code r_g = sum over i in g of (d_i - mean)}, the clustered standard error of
 * STATISTICS.md section 3 is {@code sqrt(G / (G - 1) * sum_g r_g^2) / n}, used with t on {@code G -
 * 1} degrees of freedom. Without the small-sample factor {@code G / (G - 1)} it is reported as
 * {@link #clusteredSeUncorrected()}. With fewer than about 40 clusters prefer {@link
 * #clusterSignFlip}.
 *
 * @param n items, {@code >= 2}
 * @param clusters G, the number of distinct clusters, in [2, n]
 * @param mean mean of the item differences
 * @param naiveSe {@code sd(d) / sqrt(n)}, ignoring the clusters
 * @param clusteredSeUncorrected {@code sqrt(sum_g r_g^2) / n}
 * @param clusteredSe {@code sqrt(G / (G - 1) * sum_g r_g^2) / n}, the standard error the bounds use
 */
public record ClusteredSe(
    int n,
    int clusters,
    double mean,
    double naiveSe,
    double clusteredSeUncorrected,
    double clusteredSe) {

  /** Validates the summary. */
  public ClusteredSe {
    Checks.atLeast("n", n, 2);
    if (clusters < 2 || clusters > n) {
      throw new IllegalArgumentException(
          "clusters must be in [2, n] = [2, " + n + "] but was " + clusters);
    }
    Checks.finite("mean", mean);
    checkSe("naiveSe", naiveSe);
    checkSe("clusteredSeUncorrected", clusteredSeUncorrected);
    checkSe("clusteredSe", clusteredSe);
  }

  /**
   * Summarises clustered item differences.
   *
   * @param d the differences {@code s_Ai - s_Bi}, all finite
   * @param clusterIds the cluster of each item, same length as {@code d}, compared with equals; at
   *     least 2 distinct
   * @return the summary
   */
  public static ClusteredSe of(double[] d, List<?> clusterIds) {
    List<double[]> groups = group(d, clusterIds);
    int n = d.length;
    int g = groups.size();
    if (g < 2) {
      throw new IllegalArgumentException(
          "clustered standard errors need at least 2 clusters but all " + n + " items share one");
    }
    PairedT naive = PairedT.of(d);
    double mean = naive.mean();
    double squares = 0;
    for (double[] group : groups) {
      double residual = 0;
      for (double v : group) {
        residual += v - mean;
      }
      squares += residual * residual;
    }
    double uncorrected = Math.sqrt(squares) / n;
    double corrected = Math.sqrt((double) g / (g - 1) * squares) / n;
    return new ClusteredSe(n, g, mean, naive.se(), uncorrected, corrected);
  }

  /**
   * The cluster-level sign-flip test: the sign-flip test of {@link SignFlip} on the cluster sums
   * {@code sum over i in g of d_i} (exact for at most {@value SignFlip#EXACT_LIMIT} clusters).
   *
   * @param d the differences, all finite
   * @param clusterIds the cluster of each item, same length as {@code d}
   * @param resamples R for the Monte-Carlo case, {@code >= 1}
   * @param seed the generator seed for the Monte-Carlo case
   * @return the one-sided p value for H1 {@code mean > 0}, with its method and seed
   */
  public static SignFlip.Result clusterSignFlip(
      double[] d, List<?> clusterIds, int resamples, long seed) {
    return SignFlip.test(clusterSums(d, clusterIds), resamples, seed);
  }

  /**
   * {@link #clusterSignFlip} of {@code d} and of {@code -d} with the same seed, in one pass ({@link
   * SignFlip#bothWays}): a cluster sum of {@code -d} is exactly the negated sum of {@code d}.
   *
   * @param d the differences, all finite
   * @param clusterIds the cluster of each item, same length as {@code d}
   * @param resamples R for the Monte-Carlo case, {@code >= 1}
   * @param seed the generator seed for the Monte-Carlo case
   * @return the one-sided p values for H1 {@code mean > 0} (up) and {@code mean < 0} (down)
   */
  public static SignFlip.BothWays clusterSignFlipBothWays(
      double[] d, List<?> clusterIds, int resamples, long seed) {
    return SignFlip.bothWays(clusterSums(d, clusterIds), resamples, seed);
  }

  private static double[] clusterSums(double[] d, List<?> clusterIds) {
    List<double[]> groups = group(d, clusterIds);
    double[] sums = new double[groups.size()];
    for (int i = 0; i < sums.length; i++) {
      for (double v : groups.get(i)) {
        sums[i] += v;
      }
    }
    return sums;
  }

  /**
   * The design effect {@code (clusteredSe / naiveSe)^2}: how many times more items a clustered
   * suite needs than an independent one for the same precision.
   *
   * @return the design effect; 1 when {@code naiveSe = 0} (all differences equal)
   */
  public double designEffect() {
    if (naiveSe == 0) {
      return 1;
    }
    double ratio = clusteredSe / naiveSe;
    return ratio * ratio;
  }

  /**
   * Degrees of freedom of the clustered t.
   *
   * @return {@code G - 1}
   */
  public int df() {
    return clusters - 1;
  }

  /**
   * The regression p value, H0 {@code mean <= 0} against H1 {@code mean > 0}, with the clustered
   * standard error.
   *
   * @return {@code P(T_{G-1} >= mean / clusteredSe)}; with a standard error of 0, 1 if {@code mean
   *     <= 0} else 0 (a degenerate estimate: prefer {@link #clusterSignFlip} then)
   */
  public double oneSidedP() {
    return TInference.oneSidedP(mean, clusteredSe, df());
  }

  /**
   * The one-sided upper confidence bound on the mean difference with the clustered standard error.
   *
   * @param alpha one-sided level in (0, 0.5)
   * @return {@code mean + t(G - 1, 1 - alpha) * clusteredSe}
   */
  public double upperBound(double alpha) {
    return TInference.upperBound(mean, clusteredSe, df(), alpha);
  }

  /**
   * The two-sided confidence interval for the mean difference with the clustered standard error.
   *
   * @param level confidence level in (0, 1)
   * @return {@code mean -+ t(G - 1, 1 - (1 - level) / 2) * clusteredSe}
   */
  public Interval interval(double level) {
    return TInference.interval(mean, clusteredSe, df(), level);
  }

  private static List<double[]> group(double[] d, List<?> clusterIds) {
    Checks.sample("d", d, 2);
    if (d.length != clusterIds.size()) {
      throw new IllegalArgumentException(
          "every difference needs a cluster id but d has "
              + d.length
              + " values and clusterIds has "
              + clusterIds.size());
    }
    Map<Object, List<Double>> byCluster = new LinkedHashMap<>();
    for (int i = 0; i < d.length; i++) {
      byCluster.computeIfAbsent(clusterIds.get(i), k -> new ArrayList<>()).add(d[i]);
    }
    List<double[]> groups = new ArrayList<>();
    for (List<Double> values : byCluster.values()) {
      groups.add(values.stream().mapToDouble(Double::doubleValue).toArray());
    }
    return groups;
  }

  private static void checkSe(String name, double se) {
    if (!(se >= 0) || !Double.isFinite(se)) {
      throw new IllegalArgumentException(name + " must be finite and >= 0 but was " + se);
    }
  }
}
