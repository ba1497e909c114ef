package dev.backslide.verdict;

import dev.backslide.compare.EndpointErrors;
import java.util.List;
import java.util.Objects;

/**
 * The decision on a whole run.
 *
 * @param overall PASS, WARN, FAIL or ERROR (INCONCLUSIVE cells make a run WARN)
 * @param reason a sentence a reviewer understands
 * @param cells every cell's verdict, sorted by axis, total first, then category
 * @param errors failed calls of the reference and of the candidate
 */
public record GateVerdict(
    Verdict overall, String reason, List<CellVerdict> cells, List<EndpointErrors> errors) {
  public GateVerdict {
    Objects.requireNonNull(overall, "overall");
    Objects.requireNonNull(reason, "reason");
    cells = List.copyOf(cells);
    errors = List.copyOf(errors);
  }
}
