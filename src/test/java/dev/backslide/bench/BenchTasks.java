package dev.backslide.bench;

import dev.backslide.task.ChatMessage;
import dev.backslide.task.Item;
import dev.backslide.task.Task;
import dev.backslide.task.TaskLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's items: the project's task files cycled until there are {@code n} items, each copy
 * with its own prompt (so that the server's per-prompt attempt counts and faults stay per item).
 * Deterministic, so that the server JVM and the client JVM build the same items.
 */
final class BenchTasks {
  private BenchTasks() {}

  /** Loads {@code dir} with the project's loader and expands it to {@code n} items. */
  static List<Task> load(Path dir, int n, String label) {
    return expand(new TaskLoader(dir).loadAll(dir), n, label);
  }

  /**
   * {@code n} items drawn in turn from {@code tasks}, grouped back into their tasks. Copy k of an
   * item has the id {@code <id>-<label><k>} and its prompt ends with {@code [<label> k]}.
   */
  static List<Task> expand(List<Task> tasks, int n, String label) {
    List<Task> source = tasks.stream().filter(t -> !t.items().isEmpty()).toList();
    if (source.isEmpty()) {
      throw new IllegalArgumentException("no task items to expand; check the tasks directory");
    }
    int total = source.stream().mapToInt(t -> t.items().size()).sum();
    Map<Task, List<Item>> byTask = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      int copy = i / total;
      int index = i % total;
      for (Task task : source) {
        if (index < task.items().size()) {
          byTask
              .computeIfAbsent(task, t -> new ArrayList<>())
              .add(copyOf(task.items().get(index), label, copy));
          break;
        }
        index -= task.items().size();
      }
    }
    List<Task> expanded = new ArrayList<>();
    byTask.forEach((t, items) -> expanded.add(t.withItems(items)));
    return expanded;
  }

  private static Item copyOf(Item item, String label, int copy) {
    List<ChatMessage> messages = new ArrayList<>(item.messages());
    int last = messages.size() - 1;
    ChatMessage prompt = messages.get(last);
    messages.set(
        last, new ChatMessage(prompt.role(), prompt.content() + " [" + label + " " + copy + "]"));
    return new Item(
        item.id() + "-" + label + copy,
        messages,
        item.target(),
        item.choices(),
        item.category(),
        item.cluster(),
        item.pair(),
        item.line(),
        item.instructions());
  }
}
