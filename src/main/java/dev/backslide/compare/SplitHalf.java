package dev.backslide.compare;

import dev.backslide.stats.KolmogorovSmirnovUniform;
import dev.backslide.stats.PairedT;
import dev.backslide.task.Axis;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The split-half pseudo-A/A check of STATISTICS.md section 5: with k >= 2 samples per item, the
 * reference's samples of every item are split at random into two halves many times; each split
 * gives the paired regression p-value of one half against the other on each axis total. On a sound
 * pipeline those p-values are Uniform(0, 1); an excess of small ones means the pairing or the
 * pipeline is broken. Their uniformity is checked with Kolmogorov-Smirnov.
 *
 * <p>Where every item's samples agree (a deterministic endpoint) the split cannot vary and the
 * check is reported as not applicable rather than as a failure.
 */
public final class SplitHalf {
  /** Random splits per axis total. */
  public static final int SPLITS = 200;

  private SplitHalf() {}

  /**
   * One axis total's result.
   *
   * @param axis the axis
   * @param items items with at least two usable samples
   * @param splits splits made (0 when not applicable)
   * @param ksP the Kolmogorov-Smirnov p-value of the split p-values against Uniform(0, 1), or NaN
   * @param shareBelow5 the share of split p-values at or below 0.05
   * @param note why the check was not applicable, or empty
   */
  public record Result(
      Axis axis, int items, int splits, double ksP, double shareBelow5, String note) {}

  /** Runs the check on the reference side of {@code pairs} with a fixed {@code seed}. */
  public static List<Result> of(List<Pair> pairs, long seed) {
    Map<Axis, List<double[]>> samples = new EnumMap<>(Axis.class);
    for (Pair pair : pairs) {
      List<SampleResult> usable =
          pair.reference().samples().stream().filter(SampleResult::usable).toList();
      if (usable.size() >= 2) {
        samples
            .computeIfAbsent(pair.task().axis(), a -> new ArrayList<>())
            .add(usable.stream().mapToDouble(s -> s.score().value()).toArray());
      }
    }
    List<Result> results = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(seed);
    for (var entry : samples.entrySet()) {
      List<double[]> items = entry.getValue();
      if (items.size() < 2) {
        continue;
      }
      boolean varies = items.stream().anyMatch(SplitHalf::varies);
      if (!varies) {
        results.add(
            new Result(
                entry.getKey(),
                items.size(),
                0,
                Double.NaN,
                Double.NaN,
                "every item's samples agree (a deterministic endpoint): nothing to split"));
        continue;
      }
      double[] p = new double[SPLITS];
      int small = 0;
      for (int s = 0; s < SPLITS; s++) {
        double[] d = new double[items.size()];
        for (int i = 0; i < d.length; i++) {
          d[i] = halfDifference(items.get(i), random);
        }
        p[s] = PairedT.of(d).oneSidedP();
        if (p[s] <= 0.05) {
          small++;
        }
      }
      results.add(
          new Result(
              entry.getKey(),
              items.size(),
              SPLITS,
              KolmogorovSmirnovUniform.pValue(p),
              (double) small / SPLITS,
              ""));
    }
    return results;
  }

  private static boolean varies(double[] values) {
    for (double v : values) {
      if (v != values[0]) {
        return true;
      }
    }
    return false;
  }

  /** Mean of a random half of {@code values} minus the mean of the other half. */
  private static double halfDifference(double[] values, SplittableRandom random) {
    double[] shuffled = values.clone();
    for (int i = shuffled.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      double t = shuffled[i];
      shuffled[i] = shuffled[j];
      shuffled[j] = t;
    }
    int half = shuffled.length / 2;
    double first = 0;
    double second = 0;
    for (int i = 0; i < half; i++) {
      first += shuffled[i];
    }
    for (int i = half; i < 2 * half; i++) {
      second += shuffled[i];
    }
    return (first - second) / half;
  }
}
