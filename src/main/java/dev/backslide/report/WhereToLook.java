package dev.backslide.report;

import dev.backslide.stats.BenjaminiHochberg;
import dev.backslide.verdict.CellVerdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The "where to look" list: cells whose regression p-value survives Benjamini-Hochberg at the run's
 * alpha, most significant first. It controls the false discovery rate, which does not bound a false
 * block, so it never affects a verdict (STATISTICS.md section 3): it only points a reviewer at
 * cells worth reading.
 */
public final class WhereToLook {
  private WhereToLook() {}

  /**
   * @param cell "axis/category"
   * @param p the raw regression p-value
   * @param q the Benjamini-Hochberg adjusted p-value
   */
  public record Entry(String cell, double p, double q) {}

  public static List<Entry> of(List<CellVerdict> cells, double alpha) {
    List<CellVerdict> tested = cells.stream().filter(c -> c.statistics() != null).toList();
    if (tested.isEmpty()) {
      return List.of();
    }
    double[] p = tested.stream().mapToDouble(c -> c.statistics().pRegression()).toArray();
    double[] q = BenjaminiHochberg.adjust(p);
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < tested.size(); i++) {
      if (q[i] <= alpha) {
        entries.add(new Entry(tested.get(i).key().toString(), p[i], q[i]));
      }
    }
    entries.sort(Comparator.comparingDouble(Entry::q).thenComparing(Entry::cell));
    return List.copyOf(entries);
  }
}
