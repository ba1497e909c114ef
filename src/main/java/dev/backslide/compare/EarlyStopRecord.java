package dev.backslide.compare;

import dev.backslide.task.Axis;
import java.util.Objects;

/**
 * Why and when a run stopped asking (STATISTICS.md section 6).
 *
 * @param axis the axis whose total crossed its boundary
 * @param look the look at which it stopped, from 1
 * @param looks the looks planned
 * @param asked items asked (on both endpoints) when it stopped
 * @param total items the run would have asked
 * @param statistic the regression z statistic at that look
 * @param boundary the boundary it crossed
 * @param rule e.g. "O'Brien-Fleming, one-sided alpha 0.0167 per axis total"
 */
public record EarlyStopRecord(
    Axis axis,
    int look,
    int looks,
    int asked,
    int total,
    double statistic,
    double boundary,
    String rule) {
  public EarlyStopRecord {
    Objects.requireNonNull(axis, "axis");
    Objects.requireNonNull(rule, "rule");
  }

  /**
   * "stopped early at look 1 of 3 after 120 of 360 items: z = 9.80 >= 3.71 (O'Brien-Fleming...)".
   */
  public String describe() {
    if (Double.isInfinite(boundary)) {
      return String.format(
          java.util.Locale.ROOT,
          "stopped early at look %d of %d after %d of %d items: %s total z = %.2f, %s",
          look,
          looks,
          asked,
          total,
          axis.key(),
          statistic,
          rule);
    }
    return String.format(
        java.util.Locale.ROOT,
        "stopped early at look %d of %d after %d of %d items: %s total z = %.2f >= %.2f (%s)",
        look,
        looks,
        asked,
        total,
        axis.key(),
        statistic,
        boundary,
        rule);
  }
}
