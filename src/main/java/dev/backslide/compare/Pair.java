package dev.backslide.compare;

import dev.backslide.task.Item;
import dev.backslide.task.Task;
import java.util.Objects;
import java.util.Optional;

/**
 * One item as answered by both endpoints: the unit of every paired test.
 *
 * @param task the item's task
 * @param item the item
 * @param reference the reference's samples
 * @param candidate the candidate's samples
 */
public record Pair(Task task, Item item, ItemResult reference, ItemResult candidate) {
  public Pair {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(candidate, "candidate");
  }

  /** Why this pair is left out of the test, or empty when it is usable. */
  public Optional<String> exclusion() {
    if (reference.hasEndpointError() || candidate.hasEndpointError()) {
      return Optional.of("endpoint error");
    }
    if (reference.meanScore().isEmpty() || candidate.meanScore().isEmpty()) {
      return Optional.of("could not judge");
    }
    return Optional.empty();
  }

  /** {@code task-id/item-id}. */
  public String id() {
    return task.id() + "/" + item.id();
  }

  public double referenceScore() {
    return reference.meanScore().orElseThrow();
  }

  public double candidateScore() {
    return candidate.meanScore().orElseThrow();
  }
}
