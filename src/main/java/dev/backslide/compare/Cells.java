package dev.backslide.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Groups pairs into cells: one per (axis, category) present, plus one total per axis present. */
public final class Cells {
  private Cells() {}

  /** The cells of {@code pairs}, sorted: per axis the total first, then categories by name. */
  public static List<Cell> of(List<Pair> pairs) {
    Map<CellKey, List<Pair>> grouped = new TreeMap<>();
    for (Pair pair : pairs) {
      var axis = pair.task().axis();
      grouped.computeIfAbsent(CellKey.total(axis), k -> new ArrayList<>()).add(pair);
      grouped
          .computeIfAbsent(new CellKey(axis, pair.item().category()), k -> new ArrayList<>())
          .add(pair);
    }
    List<Cell> cells = new ArrayList<>();
    grouped.forEach((key, list) -> cells.add(new Cell(key, list)));
    return List.copyOf(cells);
  }
}
