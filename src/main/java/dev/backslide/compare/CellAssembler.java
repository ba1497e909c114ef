package dev.backslide.compare;

import dev.backslide.task.Item;
import dev.backslide.task.Task;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Hands on each cell as soon as every pair planned for it has come in, while the rest of the run
 * goes on, so that its statistics need not wait for the last answer of the run. A cell handed on is
 * the one {@link Cells#of} builds from the finished run: the same key, the same pairs in task and
 * item order. A cell that never fills (a run stopped early, an item never paired) is not handed on.
 *
 * <p>Safe for pairs arriving on several threads at once; the consumer runs on the thread whose pair
 * filled the cell, outside any lock.
 */
public final class CellAssembler {
  private final Map<Item, Integer> positions = new IdentityHashMap<>();
  private final Map<CellKey, Slot> slots = new HashMap<>();
  private final Consumer<Cell> complete;

  /** The pairs of one cell collected so far, and how many are still to come. */
  private static final class Slot {
    final List<Placed> pairs = new ArrayList<>();
    int remaining;
  }

  /** A pair and its place in the plan (task order, then item order). */
  private record Placed(int position, Pair pair) {}

  /**
   * @param tasks the tasks of the run, in the order the run takes them
   * @param complete told of each cell once all its pairs are in
   */
  public CellAssembler(List<Task> tasks, Consumer<Cell> complete) {
    this.complete = complete;
    for (Task task : tasks) {
      for (Item item : task.items()) {
        positions.put(item, positions.size());
        expect(CellKey.total(task.axis()));
        expect(new CellKey(task.axis(), item.category()));
      }
    }
  }

  private void expect(CellKey key) {
    slots.computeIfAbsent(key, k -> new Slot()).remaining++;
  }

  /** Takes a finished pair; hands on every cell it completes. */
  public void add(Pair pair) {
    Integer position = positions.get(pair.item());
    if (position == null) {
      return; // not an item of the plan: Cells.of will group it at the end
    }
    var axis = pair.task().axis();
    handOn(collect(CellKey.total(axis), position, pair));
    handOn(collect(new CellKey(axis, pair.item().category()), position, pair));
  }

  private @Nullable Cell collect(CellKey key, int position, Pair pair) {
    Slot slot = slots.get(key);
    if (slot == null) {
      return null;
    }
    synchronized (slot) {
      slot.pairs.add(new Placed(position, pair));
      if (--slot.remaining != 0) {
        return null;
      }
      slot.pairs.sort(Comparator.comparingInt(Placed::position));
      return new Cell(key, slot.pairs.stream().map(Placed::pair).toList());
    }
  }

  private void handOn(@Nullable Cell cell) {
    if (cell != null) {
      complete.accept(cell);
    }
  }
}
