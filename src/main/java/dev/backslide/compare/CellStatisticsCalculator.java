package dev.backslide.compare;

import dev.backslide.stats.ClusteredSe;
import dev.backslide.stats.Interval;
import dev.backslide.stats.McNemar;
import dev.backslide.stats.PairedT;
import dev.backslide.stats.Power;
import dev.backslide.stats.SignFlip;
import dev.backslide.stats.Tango;
import dev.backslide.stats.Wilson;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.jspecify.annotations.Nullable;

/**
 * Computes a cell's statistics from its usable pairs (STATISTICS.md section 3), choosing the test
 * by the shape of the data:
 *
 * <ul>
 *   <li>binary scores (k = 1), independent items: exact (or mid-p) McNemar and Tango's bound;
 *   <li>averaged or continuous scores (k > 1, judges): an exact sign-flip test for n &lt;= 20, a
 *       Monte-Carlo sign-flip test with a fixed, reported seed for n below 200, the paired t test
 *       above; the t bound;
 *   <li>clustered items: the clustered standard error on G - 1 degrees of freedom, or the
 *       cluster-level sign-flip test when G &lt; 40.
 * </ul>
 *
 * <p>One guard goes beyond the statistics reference, on purpose: where the t or clustered bound is
 * used, the upper bound is never below Tango's bound on the same differences taken as effective
 * counts (b = sum of positive differences, c = sum of negative ones, both divided by the design
 * effect). Without it, a cell in which no item differs has a standard error of 0 and the
 * reference's guard sets U = mean(d) = 0, which would declare 12 identical items non-inferior at
 * any margin; Tango keeps the 88-items-at-3-points rule of section 2 for every data shape.
 */
public final class CellStatisticsCalculator {
  /** Power used for every minimum detectable effect. */
  public static final double POWER = 0.8;

  /** Resamples of the Monte-Carlo sign-flip test. */
  public static final int RESAMPLES = 20_000;

  /** Below this many items (or clusters) averaged scores use the permutation test, not t. */
  public static final int PERMUTATION_BELOW = 200;

  /** Clusters below which the cluster-level sign-flip test replaces the clustered t test. */
  public static final int CLUSTER_PERMUTATION_BELOW = 40;

  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution();

  private final RegressionTest test;
  private final double alpha;
  private final long seed;

  /**
   * @param test exact or mid-p McNemar, for binary independent cells
   * @param alpha one-sided level of each bound and of the MDE
   * @param seed the seed of every Monte-Carlo permutation test (reported with the cell)
   */
  public CellStatisticsCalculator(RegressionTest test, double alpha, long seed) {
    this.test = test;
    this.alpha = alpha;
    this.seed = seed;
  }

  public CellStatisticsCalculator(RegressionTest test, double alpha) {
    this(test, alpha, 20261128L);
  }

  /** The cell's statistics, or empty when no pair is usable. */
  public Optional<CellStatistics> compute(Cell cell) {
    List<Pair> usable = cell.usable();
    if (usable.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(compute(usable, cell.pairs().size() - usable.size()));
  }

  CellStatistics compute(List<Pair> usable, int excluded) {
    int n = usable.size();
    double[] ref = usable.stream().mapToDouble(Pair::referenceScore).toArray();
    double[] cand = usable.stream().mapToDouble(Pair::candidateScore).toArray();
    double[] d = new double[n];
    double b = 0;
    double c = 0;
    int differing = 0;
    for (int i = 0; i < n; i++) {
      d[i] = ref[i] - cand[i];
      if (d[i] > 0) {
        b += d[i];
      } else {
        c -= d[i];
      }
      if (Math.abs(d[i]) > 1e-12) {
        differing++;
      }
    }
    boolean binary = allBinary(ref) && allBinary(cand);
    int samples =
        usable.stream()
            .mapToInt(p -> Math.max(p.reference().samples().size(), p.candidate().samples().size()))
            .max()
            .orElse(1);
    List<String> clusterIds = clusterIds(usable);
    long distinct = clusterIds.stream().distinct().count();
    boolean clustered = distinct >= 2 && distinct < n;
    double psi = (double) differing / n;
    double referenceRate = mean(ref);
    double candidateRate = mean(cand);
    Interval refInterval;
    Interval candInterval;
    int bothOk = 0;
    int bothFailed = 0;
    if (binary) {
      for (int i = 0; i < n; i++) {
        if (ref[i] == 1 && cand[i] == 1) {
          bothOk++;
        } else if (ref[i] == 0 && cand[i] == 0) {
          bothFailed++;
        }
      }
      refInterval = Wilson.interval((int) Math.round(n * referenceRate), n, 0.95);
      candInterval = Wilson.interval((int) Math.round(n * candidateRate), n, 0.95);
    } else {
      refInterval = n < 2 ? new Interval(0, 1) : clip(PairedT.of(ref).interval(0.95));
      candInterval = n < 2 ? new Interval(0, 1) : clip(PairedT.of(cand).interval(0.95));
    }
    double delta = referenceRate - candidateRate;
    Inference inference;
    if (clustered) {
      inference = clustered(d, clusterIds, b, c, n, psi, binary);
    } else if (binary) {
      inference = mcNemar((int) Math.round(b), (int) Math.round(c), n, psi);
    } else if (n == 1) {
      inference = singleItem(d[0], b, c);
    } else {
      inference = independent(d, b, c, samples);
    }
    return new CellStatistics(
        n,
        excluded,
        bothOk,
        binary ? (int) Math.round(b) : b,
        binary ? (int) Math.round(c) : c,
        bothFailed,
        referenceRate,
        candidateRate,
        refInterval,
        candInterval,
        delta,
        inference.upperBound(),
        inference.lowerBound(),
        inference.pRegression(),
        inference.pImprovement(),
        psi,
        inference.mde(),
        inference.test(),
        inference.why(),
        inference.clusters(),
        samples,
        inference.seed());
  }

  /**
   * What the test chosen for a cell's shape concludes: the part of {@link CellStatistics} that
   * differs between the tests; the rest describes the data whatever the test.
   */
  private record Inference(
      double upperBound,
      double lowerBound,
      double pRegression,
      double pImprovement,
      double mde,
      String test,
      String why,
      int clusters,
      @Nullable Long seed) {}

  /** Binary scores on independent items. */
  private Inference mcNemar(int b, int c, int n, double psi) {
    boolean midp = test == RegressionTest.MID_P;
    return new Inference(
        Tango.upperBound(b, c, n, alpha),
        Tango.lowerBound(b, c, n, alpha),
        midp ? McNemar.midP(b, c) : McNemar.exactOneSidedP(b, c),
        midp ? McNemar.midP(c, b) : McNemar.exactOneSidedP(c, b),
        Power.connorMde(n, psi, alpha, POWER),
        (midp ? "mid-p McNemar" : "exact McNemar") + "; Tango bound",
        "binary scores on independent items",
        0,
        null);
  }

  /** One item whose scores are averaged or continuous: its two sign flips are the whole test. */
  private Inference singleItem(double d, double b, double c) {
    return new Inference(
        Tango.upperBound(b, c, 1, alpha),
        Tango.lowerBound(b, c, 1, alpha),
        d > 0 ? 0.5 : 1,
        d < 0 ? 0.5 : 1,
        1,
        "exact sign-flip; Tango bound",
        "a single averaged item",
        0,
        null);
  }

  /** Averaged or continuous scores on two or more independent items. */
  private Inference independent(double[] d, double b, double c, int samples) {
    int n = d.length;
    PairedT t = PairedT.of(d);
    double pR;
    double pI;
    String name;
    Long usedSeed = null;
    if (n < PERMUTATION_BELOW) {
      SignFlip.BothWays both = SignFlip.bothWays(d, RESAMPLES, seed);
      pR = both.up().p();
      pI = both.down().p();
      boolean exact = both.up().method() == SignFlip.Method.EXACT;
      name =
          (exact ? "exact sign-flip" : "Monte-Carlo sign-flip (" + RESAMPLES + " resamples)")
              + "; t bound";
      usedSeed = exact ? null : seed;
    } else {
      pR = t.oneSidedP();
      pI = PairedT.of(negate(d)).oneSidedP();
      name = "paired t; t bound";
    }
    double u = Math.max(t.upperBound(alpha), Tango.upperBound(b, c, n, alpha));
    double l =
        Math.min(PairedT.of(negate(d)).upperBound(alpha) * -1, Tango.lowerBound(b, c, n, alpha));
    return new Inference(
        u,
        l,
        pR,
        pI,
        mde(t.se()),
        name,
        "averaged (k = "
            + samples
            + ") or continuous scores on independent items; "
            + (n < PERMUTATION_BELOW
                ? "n < " + PERMUTATION_BELOW + " favours a permutation test"
                : "n is large enough for t"),
        0,
        usedSeed);
  }

  /** Items in clusters (paraphrases, one passage), whatever their scores. */
  private Inference clustered(
      double[] d, List<String> clusterIds, double b, double c, int n, double psi, boolean binary) {
    ClusteredSe clusteredSe = ClusteredSe.of(d, clusterIds);
    int g = clusteredSe.clusters();
    double deff =
        Math.max(1, Double.isFinite(clusteredSe.designEffect()) ? clusteredSe.designEffect() : 1);
    double pR;
    double pI;
    String name;
    Long usedSeed = null;
    if (g < CLUSTER_PERMUTATION_BELOW) {
      SignFlip.BothWays both = ClusteredSe.clusterSignFlipBothWays(d, clusterIds, RESAMPLES, seed);
      pR = both.up().p();
      pI = both.down().p();
      boolean exact = both.up().method() == SignFlip.Method.EXACT;
      name =
          (exact
                  ? "exact cluster sign-flip"
                  : "Monte-Carlo cluster sign-flip (" + RESAMPLES + " resamples)")
              + "; clustered t bound";
      usedSeed = exact ? null : seed;
    } else {
      pR = clusteredSe.oneSidedP();
      pI = ClusteredSe.of(negate(d), clusterIds).oneSidedP();
      name = "clustered t (G - 1 = " + (g - 1) + " df); clustered t bound";
    }
    double u =
        Math.max(
            clusteredSe.upperBound(alpha), Tango.upperBound(b / deff, c / deff, n / deff, alpha));
    double l =
        Math.min(
            -ClusteredSe.of(negate(d), clusterIds).upperBound(alpha),
            Tango.lowerBound(b / deff, c / deff, n / deff, alpha));
    return new Inference(
        u,
        l,
        pR,
        pI,
        Math.max(
            mde(clusteredSe.clusteredSe()),
            binary
                ? Power.connorMde((int) Math.max(1, Math.floor(n / deff)), psi, alpha, POWER)
                : 0),
        name,
        g
            + " clusters of items that are not independent (paraphrases or one passage); design effect "
            + String.format(java.util.Locale.ROOT, "%.2f", deff)
            + (g < CLUSTER_PERMUTATION_BELOW
                ? "; G < "
                    + CLUSTER_PERMUTATION_BELOW
                    + " favours the cluster-level permutation test"
                : ""),
        g,
        usedSeed);
  }

  private double mde(double se) {
    return (STANDARD_NORMAL.inverseCumulativeProbability(1 - alpha)
            + STANDARD_NORMAL.inverseCumulativeProbability(POWER))
        * se;
  }

  /** Each pair's cluster: the item's cluster within its task, or the pair itself. */
  private static List<String> clusterIds(List<Pair> pairs) {
    List<String> ids = new ArrayList<>(pairs.size());
    for (Pair p : pairs) {
      String cluster = p.item().cluster();
      ids.add(cluster == null ? "item:" + p.id() : "cluster:" + p.task().id() + "/" + cluster);
    }
    return ids;
  }

  private static Interval clip(Interval interval) {
    return new Interval(Math.max(0, interval.lower()), Math.min(1, interval.upper()));
  }

  private static boolean allBinary(double[] scores) {
    for (double s : scores) {
      if (s != 0.0 && s != 1.0) {
        return false;
      }
    }
    return true;
  }

  private static double[] negate(double[] d) {
    double[] out = new double[d.length];
    for (int i = 0; i < d.length; i++) {
      out[i] = -d[i];
    }
    return out;
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }
}
