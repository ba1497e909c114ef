package dev.backslide.compare;

import dev.backslide.task.Axis;
import java.util.Comparator;
import java.util.Objects;

/**
 * One cell of the comparison: an (axis, category) pair, or an axis total.
 *
 * @param axis the axis
 * @param category a category name, or {@link #TOTAL}
 */
public record CellKey(Axis axis, String category) implements Comparable<CellKey> {
  /** The category name of an axis total. */
  public static final String TOTAL = "total";

  private static final Comparator<CellKey> ORDER =
      Comparator.comparing(CellKey::axis)
          .thenComparing(k -> !k.isTotal())
          .thenComparing(CellKey::category);

  public CellKey {
    Objects.requireNonNull(axis, "axis");
    Objects.requireNonNull(category, "category");
  }

  public static CellKey total(Axis axis) {
    return new CellKey(axis, TOTAL);
  }

  public boolean isTotal() {
    return category.equals(TOTAL);
  }

  /** Axis order, the total first, then categories by name. */
  @Override
  public int compareTo(CellKey other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return axis.key() + "/" + category;
  }
}
