package dev.backslide.verdict;

import dev.backslide.compare.Cells;
import dev.backslide.compare.EarlyStopRecord;
import dev.backslide.compare.Pair;
import dev.backslide.compare.StoppingRule;
import dev.backslide.stats.GroupSequential;
import dev.backslide.stats.McNemar;
import dev.backslide.stats.Tango;
import dev.backslide.task.Axis;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Early stopping for FAIL with error control (STATISTICS.md section 6), on the axis totals only:
 *
 * <ul>
 *   <li>group-sequential looks: at look j the McNemar z of an axis total, (b - c) / sqrt(b + c), is
 *       compared with the j-th pre-registered one-sided boundary (O'Brien-Fleming or Pocock),
 *       computed at alpha / 3 so that the three axis totals together keep the family-wise alpha;
 *   <li>curtailment: an axis total stops when its FAIL is certain whatever the remaining items say:
 *       even if every one of them favoured the candidate, the exact McNemar p times the number of
 *       cells (the strictest Holm step) would stay at or below alpha and Tango's bound would stay
 *       at or above the margin.
 * </ul>
 *
 * Clustered and averaged cells use the same item-level z; the boundaries then hold only
 * approximately.
 */
public final class GroupSequentialRule implements StoppingRule {
  private final Policy policy;
  private final String boundaryName;
  private final double[] boundaries;
  private final double alphaPerAxis;
  private final int plannedCells;

  /**
   * @param policy alpha and margins
   * @param boundary "obf" or "pocock"
   * @param looks planned looks, 2 to 5
   * @param plannedCells the cells the full run would test (the Holm family's size)
   */
  public GroupSequentialRule(Policy policy, String boundary, int looks, int plannedCells) {
    this.policy = policy;
    this.plannedCells = Math.max(1, plannedCells);
    this.alphaPerAxis = policy.alpha() / Axis.values().length;
    this.boundaryName = boundary.equals("pocock") ? "Pocock" : "O'Brien-Fleming";
    this.boundaries =
        boundary.equals("pocock")
            ? GroupSequential.pocock(looks, alphaPerAxis, GroupSequential.Sides.ONE_SIDED)
            : GroupSequential.obrienFleming(looks, alphaPerAxis, GroupSequential.Sides.ONE_SIDED);
  }

  /** The boundary of look {@code look} (from 1). */
  public double boundary(int look) {
    return boundaries[look - 1];
  }

  @Override
  public Optional<EarlyStopRecord> check(
      List<Pair> pairs, Map<Axis, Integer> remaining, int look, int looks, int total) {
    if (look >= looks) {
      return Optional.empty();
    }
    Map<Axis, int[]> tables = new EnumMap<>(Axis.class);
    for (Pair pair : pairs) {
      if (pair.exclusion().isPresent()) {
        continue;
      }
      int[] t = tables.computeIfAbsent(pair.task().axis(), a -> new int[3]);
      double d = pair.referenceScore() - pair.candidateScore();
      t[0]++;
      if (d > 1e-12) {
        t[1]++;
      } else if (d < -1e-12) {
        t[2]++;
      }
    }
    int cells = Math.max(plannedCells, Cells.of(pairs).size());
    for (Axis axis : Axis.values()) {
      int[] t = tables.get(axis);
      if (t == null) {
        continue;
      }
      int n = t[0];
      int b = t[1];
      int c = t[2];
      double z = b + c == 0 ? 0 : (b - c) / Math.sqrt(b + c);
      String rule =
          String.format(
              Locale.ROOT,
              "%s boundaries, one-sided alpha %.4f per axis total",
              boundaryName,
              alphaPerAxis);
      if (z >= boundaries[look - 1]) {
        return Optional.of(
            new EarlyStopRecord(
                axis, look, looks, pairs.size(), total, z, boundaries[look - 1], rule));
      }
      int rest = remaining.getOrDefault(axis, 0);
      int worstC = c + rest;
      int finalN = n + rest;
      boolean significant =
          Math.min(1, McNemar.exactOneSidedP(b, worstC) * Math.max(1, cells)) <= policy.alpha();
      boolean beyondMargin =
          Tango.upperBound(b, worstC, finalN, policy.alpha()) >= policy.margin(axis, true);
      if (rest > 0 && significant && beyondMargin) {
        return Optional.of(
            new EarlyStopRecord(
                axis,
                look,
                looks,
                pairs.size(),
                total,
                z,
                Double.POSITIVE_INFINITY,
                "curtailment: FAIL even if all "
                    + rest
                    + " remaining items favoured the candidate"));
      }
    }
    return Optional.empty();
  }
}
