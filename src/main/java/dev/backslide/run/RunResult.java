package dev.backslide.run;

import dev.backslide.compare.Pair;
import dev.backslide.task.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything a gate run produced before any decision: the tasks, both endpoints, every pair.
 *
 * @param started when the run started
 * @param elapsed its wall time
 * @param tasks the tasks that ran
 * @param reference the reference endpoint
 * @param candidate the candidate endpoint
 * @param pairs every item, in task and item order
 */
public record RunResult(
    Instant started,
    Duration elapsed,
    List<Task> tasks,
    EndpointReport reference,
    EndpointReport candidate,
    List<Pair> pairs) {
  public RunResult {
    tasks = List.copyOf(tasks);
    pairs = List.copyOf(pairs);
  }
}
