package dev.backslide.task;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A task: versioned items on one axis, how to generate answers, and how to score them.
 *
 * @param id equal to the task file's name without extension
 * @param version bumped on every change to items or scoring
 * @param axis the axis every item of the task counts towards
 * @param category the default category of its items
 * @param description one sentence: what the task checks
 * @param generation sampling parameters, identical on both endpoints
 * @param scorer how a response is scored
 * @param items the items, in file order
 * @param file the task file
 * @param sha256 the hex sha256 of the task file's bytes
 */
public record Task(
    String id,
    int version,
    Axis axis,
    String category,
    String description,
    Generation generation,
    ScorerSpec scorer,
    List<Item> items,
    Path file,
    String sha256) {

  public Task {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(axis, "axis");
    items = List.copyOf(items);
    if (version < 1) {
      throw new IllegalArgumentException("version must be at least 1 but was " + version);
    }
  }
}
