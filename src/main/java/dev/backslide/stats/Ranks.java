package dev.backslide.stats;

import java.util.Arrays;
import java.util.Comparator;

/** Orderings shared by the multiplicity corrections. */
final class Ranks {
  private Ranks() {}

  /** The indices of {@code values} in ascending order of value; ties keep their input order. */
  static int[] ascending(double[] values) {
    return Arrays.stream(boxedIndices(values.length))
        .sorted(Comparator.comparingDouble(i -> values[i]))
        .mapToInt(Integer::intValue)
        .toArray();
  }

  private static Integer[] boxedIndices(int length) {
    Integer[] indices = new Integer[length];
    Arrays.setAll(indices, i -> i);
    return indices;
  }
}
