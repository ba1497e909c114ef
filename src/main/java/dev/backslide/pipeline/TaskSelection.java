package dev.backslide.pipeline;

import dev.backslide.config.Shard;
import dev.backslide.input.InvalidInputException;
import dev.backslide.input.Problem;
import dev.backslide.run.ItemHash;
import dev.backslide.task.Task;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Which tasks and items a run asks: the tasks {@code backslide.include} names, then one shard. */
final class TaskSelection {
  private TaskSelection() {}

  /**
   * The tasks matching any of {@code include} (task ids or globs), in pattern order; all of them
   * when {@code include} is empty.
   *
   * @throws InvalidInputException naming {@code backslide.include} and the known task ids when a
   *     pattern matches no task
   */
  static List<Task> included(List<Task> all, List<String> include) {
    if (include.isEmpty()) {
      return all;
    }
    List<Task> selected = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (String pattern : include) {
      var matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
      List<Task> matches = all.stream().filter(t -> matcher.matches(Path.of(t.id()))).toList();
      if (matches.isEmpty()) {
        problems.add(
            Problem.of(
                "backslide.include",
                "'"
                    + pattern
                    + "' matches no task; known tasks: "
                    + String.join(", ", all.stream().map(Task::id).toList())));
      }
      matches.stream().filter(t -> !selected.contains(t)).forEach(selected::add);
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("the configuration", problems);
    }
    return selected;
  }

  /**
   * The items of {@code tasks} in {@code shard}; task versions and hashes are unchanged, and a task
   * with no item in the shard is left out.
   */
  static List<Task> shard(List<Task> tasks, Shard shard) {
    return tasks.stream()
        .map(
            t ->
                t.withItems(
                    t.items().stream()
                        .filter(i -> shard.contains(ItemHash.of(t.id(), i.id())))
                        .toList()))
        .filter(t -> !t.items().isEmpty())
        .toList();
  }
}
