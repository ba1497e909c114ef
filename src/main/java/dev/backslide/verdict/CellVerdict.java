package dev.backslide.verdict;

import dev.backslide.compare.Cell;
import dev.backslide.compare.CellKey;
import dev.backslide.compare.CellStatistics;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The decision on one cell with everything that led to it.
 *
 * @param cell the cell and its pairs
 * @param statistics the cell's statistics; null when no pair was usable (verdict ERROR)
 * @param margin the non-inferiority margin
 * @param pHolm the regression p-value after Holm over every cell of the run (1 when untested)
 * @param verdict the verdict
 * @param reason a sentence a reviewer understands
 * @param itemsToSettle for an inconclusive cell, the items that would settle it at the observed
 *     flip rate; else null
 */
public record CellVerdict(
    Cell cell,
    @Nullable CellStatistics statistics,
    double margin,
    double pHolm,
    Verdict verdict,
    String reason,
    @Nullable Integer itemsToSettle) {

  public CellVerdict {
    Objects.requireNonNull(cell, "cell");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(reason, "reason");
    if (statistics == null && verdict != Verdict.ERROR) {
      throw new IllegalArgumentException("a cell without statistics can only be ERROR");
    }
  }

  public CellKey key() {
    return cell.key();
  }
}
