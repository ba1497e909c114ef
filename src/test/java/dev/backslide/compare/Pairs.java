package dev.backslide.compare;

import dev.backslide.endpoint.CallResult;
import dev.backslide.endpoint.Completion;
import dev.backslide.endpoint.EndpointFailure;
import dev.backslide.endpoint.FailureKind;
import dev.backslide.endpoint.Role;
import dev.backslide.score.Outcome;
import dev.backslide.score.Score;
import dev.backslide.task.Axis;
import dev.backslide.task.ChatMessage;
import dev.backslide.task.Generation;
import dev.backslide.task.Item;
import dev.backslide.task.ScorerSpec;
import dev.backslide.task.Task;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Builds synthetic pairs for statistics and verdict tests: no endpoint involved. */
public final class Pairs {
  private Pairs() {}

  public static Task task(String id, Axis axis) {
    return new Task(
        id,
        1,
        axis,
        "general",
        "",
        Generation.DEFAULT,
        new ScorerSpec(axis == Axis.CAPABILITY ? "exact" : "refusal", Map.of()),
        List.of(),
        Path.of("tasks", id + ".yaml"),
        "0".repeat(64));
  }

  public static Item item(String id, String category, @Nullable String cluster) {
    return new Item(
        id, List.of(ChatMessage.user("prompt " + id)), null, List.of(), category, cluster, null, 1);
  }

  /** One sample per side with the given scores (each in [0, 1]). */
  public static ItemResult result(Role role, double... scores) {
    List<SampleResult> samples = new ArrayList<>();
    for (int k = 0; k < scores.length; k++) {
      Score score =
          new Score(scores[k], scores[k] >= 0.5 ? Outcome.CORRECT : Outcome.WRONG, "synthetic");
      samples.add(
          new SampleResult(
              k,
              CallResult.success(new Completion("answer", "stop", null, "m"), 1, 1, "r"),
              score));
    }
    return new ItemResult(role, samples);
  }

  public static ItemResult failed(Role role) {
    var failure = new EndpointFailure(role, "http://x/v1", FailureKind.HTTP_STATUS, 503, "", "", 6);
    return new ItemResult(
        role, List.of(new SampleResult(0, CallResult.failed(failure, 1, "r"), null)));
  }

  /**
   * A binary cell: {@code bothOk} pairs right on both sides, {@code b} right only on the reference,
   * {@code c} right only on the candidate, {@code neither} wrong on both.
   */
  public static List<Pair> binary(
      Task task, String category, int bothOk, int b, int c, int neither) {
    List<Pair> pairs = new ArrayList<>();
    int i = 0;
    for (int[] spec : new int[][] {{bothOk, 1, 1}, {b, 1, 0}, {c, 0, 1}, {neither, 0, 0}}) {
      for (int j = 0; j < spec[0]; j++) {
        pairs.add(
            new Pair(
                task,
                item(category + "-" + i++, category, null),
                result(Role.REFERENCE, spec[1]),
                result(Role.CANDIDATE, spec[2])));
      }
    }
    return pairs;
  }
}
