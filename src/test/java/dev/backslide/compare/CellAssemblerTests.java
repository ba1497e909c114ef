package dev.backslide.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backslide.endpoint.Role;
import dev.backslide.task.Axis;
import dev.backslide.task.Item;
import dev.backslide.task.Task;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CellAssemblerTests {
  /** Three tasks on two axes; categories spread over tasks, so cells fill across task files. */
  private static List<Task> tasks() {
    return List.of(
        withItems(Pairs.task("arith", Axis.CAPABILITY), "math", "math", "logic", "math"),
        withItems(Pairs.task("harmful", Axis.SAFETY), "weapons", "cyber", "weapons"),
        withItems(Pairs.task("more-arith", Axis.CAPABILITY), "logic", "math", "logic"));
  }

  private static Task withItems(Task task, String... categories) {
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < categories.length; i++) {
      items.add(Pairs.item(task.id() + "-" + i, categories[i], null));
    }
    return task.withItems(items);
  }

  /** Every planned pair, in plan order, with scores that differ from pair to pair. */
  private static List<Pair> pairs(List<Task> tasks) {
    List<Pair> pairs = new ArrayList<>();
    for (Task task : tasks) {
      for (Item item : task.items()) {
        int n = pairs.size();
        pairs.add(
            new Pair(
                task,
                item,
                Pairs.result(Role.REFERENCE, n % 2),
                Pairs.result(Role.CANDIDATE, n % 3 == 0 ? 1 : 0)));
      }
    }
    return pairs;
  }

  @Test
  void eachCellIsHandedOnOnceWhenItsLastPairArrivesAsCellsOfWouldBuildIt() throws Exception {
    List<Task> tasks = tasks();
    List<Pair> pairs = pairs(tasks);
    Map<CellKey, List<Cell>> handedOn = new ConcurrentHashMap<>();
    CellAssembler assembler =
        new CellAssembler(
            tasks,
            cell ->
                handedOn
                    .computeIfAbsent(
                        cell.key(), k -> Collections.synchronizedList(new ArrayList<>()))
                    .add(cell));
    List<Pair> shuffled = new ArrayList<>(pairs);
    Collections.shuffle(shuffled, new Random(7));
    ExecutorService threads = Executors.newFixedThreadPool(4);
    shuffled.forEach(p -> threads.execute(() -> assembler.add(p)));
    threads.shutdown();
    assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

    List<Cell> expected = Cells.of(pairs);
    assertThat(handedOn.keySet())
        .containsExactlyInAnyOrderElementsOf(expected.stream().map(Cell::key).toList());
    for (Cell cell : expected) {
      List<Cell> got = handedOn.get(cell.key());
      assertThat(got).as("cell %s", cell.key()).hasSize(1);
      assertThat(got.get(0)).isEqualTo(cell);
      // the very pair objects, in the order Cells.of keeps: what Decider.prepare relies on
      List<Pair> gotPairs = got.get(0).pairs();
      assertThat(
              IntStream.range(0, gotPairs.size())
                  .allMatch(i -> gotPairs.get(i) == cell.pairs().get(i)))
          .isTrue();
    }
  }

  @Test
  void aCellWithAPairMissingIsNotHandedOn() {
    List<Task> tasks = tasks();
    List<Pair> pairs = pairs(tasks);
    List<CellKey> handedOn = new ArrayList<>();
    CellAssembler assembler = new CellAssembler(tasks, cell -> handedOn.add(cell.key()));
    // the run stopped before the second safety item (category cyber)
    pairs.stream().filter(p -> !p.item().id().equals("harmful-1")).forEach(assembler::add);
    assertThat(handedOn)
        .containsExactlyInAnyOrder(
            CellKey.total(Axis.CAPABILITY),
            new CellKey(Axis.CAPABILITY, "math"),
            new CellKey(Axis.CAPABILITY, "logic"),
            new CellKey(Axis.SAFETY, "weapons"));
  }

  @Test
  void aPairOfAnItemOutsideThePlanIsIgnored() {
    List<Task> tasks = tasks();
    List<CellKey> handedOn = new ArrayList<>();
    CellAssembler assembler = new CellAssembler(tasks, cell -> handedOn.add(cell.key()));
    Task other = Pairs.task("other", Axis.SAFETY);
    assembler.add(
        new Pair(
            other,
            Pairs.item("x", "weapons", null),
            Pairs.result(Role.REFERENCE, 1),
            Pairs.result(Role.CANDIDATE, 1)));
    assertThat(handedOn).isEmpty();
  }
}
