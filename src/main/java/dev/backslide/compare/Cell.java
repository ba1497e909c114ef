package dev.backslide.compare;

import java.util.List;

/**
 * The pairs of one cell, usable and excluded.
 *
 * @param key the cell
 * @param pairs every pair in the cell, in task and item order
 */
public record Cell(CellKey key, List<Pair> pairs) {
  public Cell {
    pairs = List.copyOf(pairs);
  }

  /** The pairs that enter the test. */
  public List<Pair> usable() {
    return pairs.stream().filter(p -> p.exclusion().isEmpty()).toList();
  }

  /** How many pairs were left out because an endpoint call failed. */
  public long endpointErrors() {
    return pairs.stream()
        .filter(p -> p.exclusion().filter("endpoint error"::equals).isPresent())
        .count();
  }

  /** How many pairs were left out because a response could not be judged. */
  public long unjudged() {
    return pairs.stream()
        .filter(p -> p.exclusion().filter("could not judge"::equals).isPresent())
        .count();
  }
}
