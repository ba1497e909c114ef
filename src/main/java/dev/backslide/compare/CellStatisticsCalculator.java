package dev.backslide.compare;

import dev.backslide.stats.McNemar;
import dev.backslide.stats.PairedT;
import dev.backslide.stats.Power;
import dev.backslide.stats.Tango;
import dev.backslide.stats.Wilson;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Computes a cell's statistics from its usable pairs: exact (or mid-p) McNemar and Tango's bound
 * for binary scores; the paired t test and its bound for averaged or continuous scores.
 */
public final class CellStatisticsCalculator {
  /** Power used for every minimum detectable effect. */
  public static final double POWER = 0.8;

  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution();

  private final RegressionTest test;
  private final double alpha;

  /**
   * @param test exact or mid-p McNemar
   * @param alpha one-sided level of each bound and of the MDE
   */
  public CellStatisticsCalculator(RegressionTest test, double alpha) {
    this.test = test;
    this.alpha = alpha;
  }

  /** The cell's statistics, or empty when no pair is usable. */
  public Optional<CellStatistics> compute(Cell cell) {
    List<Pair> usable = cell.usable();
    int n = usable.size();
    if (n == 0) {
      return Optional.empty();
    }
    int excluded = cell.pairs().size() - n;
    boolean binary =
        usable.stream().allMatch(p -> isBinary(p.referenceScore()) && isBinary(p.candidateScore()));
    return Optional.of(binary ? binary(usable, excluded) : continuous(usable, excluded));
  }

  private CellStatistics binary(List<Pair> pairs, int excluded) {
    int bothOk = 0;
    int b = 0;
    int c = 0;
    int bothFailed = 0;
    for (Pair p : pairs) {
      boolean ref = p.referenceScore() >= 0.5;
      boolean cand = p.candidateScore() >= 0.5;
      if (ref && cand) {
        bothOk++;
      } else if (ref) {
        b++;
      } else if (cand) {
        c++;
      } else {
        bothFailed++;
      }
    }
    int n = pairs.size();
    double p = test == RegressionTest.MID_P ? McNemar.midP(b, c) : McNemar.exactOneSidedP(b, c);
    double psi = (double) (b + c) / n;
    return new CellStatistics(
        n,
        excluded,
        bothOk,
        b,
        c,
        bothFailed,
        (double) (bothOk + b) / n,
        (double) (bothOk + c) / n,
        Wilson.interval(bothOk + b, n, 0.95),
        Wilson.interval(bothOk + c, n, 0.95),
        (double) (b - c) / n,
        Tango.upperBound(b, c, n, alpha),
        p,
        psi,
        Power.connorMde(n, psi, alpha, POWER),
        (test == RegressionTest.MID_P ? "mid-p McNemar" : "exact McNemar") + "; Tango bound");
  }

  private CellStatistics continuous(List<Pair> pairs, int excluded) {
    int n = pairs.size();
    double[] ref = pairs.stream().mapToDouble(Pair::referenceScore).toArray();
    double[] cand = pairs.stream().mapToDouble(Pair::candidateScore).toArray();
    double[] d = new double[n];
    int differing = 0;
    for (int i = 0; i < n; i++) {
      d[i] = ref[i] - cand[i];
      if (Math.abs(d[i]) > 1e-12) {
        differing++;
      }
    }
    PairedT t = PairedT.of(d);
    // MDE of a one-sided paired t at power 0.8, normal approximation: (z_alpha + z_beta) * SE
    double mde =
        (STANDARD_NORMAL.inverseCumulativeProbability(1 - alpha)
                + STANDARD_NORMAL.inverseCumulativeProbability(POWER))
            * t.se();
    return new CellStatistics(
        n,
        excluded,
        0,
        0,
        0,
        0,
        mean(ref),
        mean(cand),
        PairedT.of(ref).interval(0.95),
        PairedT.of(cand).interval(0.95),
        t.mean(),
        t.upperBound(alpha),
        t.oneSidedP(),
        (double) differing / n,
        mde,
        "paired t; t bound");
  }

  private static boolean isBinary(double score) {
    return score == 0.0 || score == 1.0;
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }
}
