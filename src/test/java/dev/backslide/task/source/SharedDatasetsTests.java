package dev.backslide.task.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backslide.task.Item;
import dev.backslide.task.Task;
import dev.backslide.task.TaskLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every file of ../shared/datasets, imported through the one-line tasks of tasks/examples. */
class SharedDatasetsTests {
  private static final Path PROJECT = Path.of(System.getProperty("backslide.project.dir", "."));
  private static Map<String, Task> tasks;

  @BeforeAll
  static void load() {
    Path examples = PROJECT.resolve("tasks/examples");
    tasks =
        new TaskLoader(PROJECT)
            .loadAll(examples).stream()
                .collect(Collectors.toMap(Task::id, t -> t, (a, b) -> a, TreeMap::new));
  }

  private static Task task(String id) {
    assertThat(tasks).containsKey(id);
    return tasks.get(id);
  }

  private static Item item(String task, String id) {
    return task(task).items().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
  }

  private static Map<String, Long> categories(String task) {
    return task(task).items().stream()
        .collect(Collectors.groupingBy(Item::category, TreeMap::new, Collectors.counting()));
  }

  @Test
  void printsSummaries() {
    tasks
        .values()
        .forEach(
            t ->
                System.out.println(
                    t.id()
                        + " "
                        + t.axis()
                        + " "
                        + t.items().size()
                        + " "
                        + t.source()
                        + " "
                        + categories(t.id())));
  }
}
