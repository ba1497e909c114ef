package dev.backslide.compare;

import java.util.List;
import java.util.Optional;

/** Decides, at a planned look, whether the run may stop asking (STATISTICS.md section 6). */
public interface StoppingRule {
  /**
   * @param pairs every pair answered so far
   * @param remaining per axis, how many items are still to be asked
   * @param look the look just completed, from 1
   * @param looks the looks planned
   * @param total items the full run would ask
   * @return the record of a stop, or empty to go on
   */
  Optional<EarlyStopRecord> check(
      List<Pair> pairs,
      java.util.Map<dev.backslide.task.Axis, Integer> remaining,
      int look,
      int looks,
      int total);

  /** Never stops. */
  StoppingRule NEVER = (pairs, remaining, look, looks, total) -> Optional.empty();
}
