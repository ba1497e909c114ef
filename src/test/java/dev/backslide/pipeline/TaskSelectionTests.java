package dev.backslide.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backslide.config.Shard;
import dev.backslide.input.InvalidInputException;
import dev.backslide.task.Item;
import dev.backslide.task.Task;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TaskSelectionTests {
  private static final List<Task> ALL =
      List.of(
          Pipelines.task("arith-small", 40),
          Pipelines.task("arith-large", 60),
          Pipelines.task("safety-starter", 30));

  @Test
  void withNoIncludeEveryTaskRuns() {
    assertThat(TaskSelection.included(ALL, List.of())).isEqualTo(ALL);
  }

  @Test
  void includeKeepsPatternOrderAndTakesEachTaskOnce() {
    List<Task> selected =
        TaskSelection.included(ALL, List.of("safety-*", "arith-*", "arith-small"));
    assertThat(selected.stream().map(Task::id))
        .containsExactly("safety-starter", "arith-small", "arith-large");
  }

  @Test
  void anIncludeThatMatchesNothingNamesTheSettingAndTheKnownTasks() {
    assertThatThrownBy(() -> TaskSelection.included(ALL, List.of("arith-*", "gsm*", "mmlu")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "2 problems in the configuration:\n"
                + "  backslide.include: 'gsm*' matches no task; known tasks: arith-small,"
                + " arith-large, safety-starter\n"
                + "  backslide.include: 'mmlu' matches no task; known tasks: arith-small,"
                + " arith-large, safety-starter");
  }

  @Test
  void shardsPartitionTheItemsAndKeepEveryTasksIdentity() {
    int count = 4;
    Set<String> seen = new HashSet<>();
    int total = 0;
    for (int index = 1; index <= count; index++) {
      List<Task> shard = TaskSelection.shard(ALL, new Shard(index, count));
      for (Task part : shard) {
        Task whole = ALL.stream().filter(t -> t.id().equals(part.id())).findFirst().orElseThrow();
        assertThat(part.version()).isEqualTo(whole.version());
        assertThat(part.sha256()).isEqualTo(whole.sha256());
        assertThat(part.file()).isEqualTo(whole.file());
        assertThat(part.items()).isNotEmpty().isSubsetOf(whole.items());
        for (Item item : part.items()) {
          assertThat(seen.add(part.id() + "/" + item.id()))
              .as("%s/%s is in two shards", part.id(), item.id())
              .isTrue();
        }
        total += part.items().size();
      }
    }
    assertThat(total).isEqualTo(130);
    assertThat(seen).hasSize(130);
  }

  @Test
  void aTaskWithNoItemInTheShardIsLeftOut() {
    Task one = Pipelines.task("single", 1);
    List<Integer> holding = new ArrayList<>();
    for (int index = 1; index <= 3; index++) {
      if (!TaskSelection.shard(List.of(one), new Shard(index, 3)).isEmpty()) {
        holding.add(index);
      }
    }
    assertThat(holding).hasSize(1);
  }
}
