package dev.backslide.run;

import dev.backslide.compare.EarlyStopRecord;
import dev.backslide.compare.Pair;
import dev.backslide.task.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything a gate run produced before any decision: the tasks, both endpoints, every pair.
 *
 * @param started when the run started
 * @param elapsed its wall time
 * @param tasks the tasks that ran
 * @param reference the reference endpoint
 * @param candidate the candidate endpoint
 * @param pairs every item asked, in task and item order
 * @param stop why the run stopped early, or null when every item was asked
 * @param planned items the full run would have asked
 */
public record RunResult(
    Instant started,
    Duration elapsed,
    List<Task> tasks,
    EndpointReport reference,
    EndpointReport candidate,
    List<Pair> pairs,
    @Nullable EarlyStopRecord stop,
    int planned) {
  public RunResult {
    tasks = List.copyOf(tasks);
    pairs = List.copyOf(pairs);
  }
}
