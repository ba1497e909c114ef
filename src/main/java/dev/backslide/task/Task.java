package dev.backslide.task;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

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
 * @param sha256 the hex sha256 of the task file's bytes, followed by the dataset file's bytes for a
 *     task that imports one
 * @param source what was imported from a dataset, for a task with a {@code source}; else null
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
    String sha256,
    @Nullable ImportSummary source) {

  /** A task whose items are written in its file. */
  public Task(
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
    this(id, version, axis, category, description, generation, scorer, items, file, sha256, null);
  }

  /**
   * The same task with other items (a shard's, or copies): id, version, file and hash unchanged, so
   * results still name the task file they came from.
   */
  public Task withItems(List<Item> other) {
    return new Task(
        id, version, axis, category, description, generation, scorer, other, file, sha256, source);
  }

  public Task {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(axis, "axis");
    items = List.copyOf(items);
    if (version < 1) {
      throw new IllegalArgumentException("version must be at least 1 but was " + version);
    }
  }
}
