package dev.backslide.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backslide.compare.EarlyStopRecord;
import dev.backslide.compare.ItemResult;
import dev.backslide.compare.Pair;
import dev.backslide.compare.Pairs;
import dev.backslide.compare.SampleResult;
import dev.backslide.compare.StoppingRule;
import dev.backslide.config.Sampling;
import dev.backslide.endpoint.CallResult;
import dev.backslide.endpoint.ChatEndpoint;
import dev.backslide.endpoint.ChatRequest;
import dev.backslide.endpoint.Completion;
import dev.backslide.endpoint.EndpointDescription;
import dev.backslide.endpoint.EndpointFailure;
import dev.backslide.endpoint.EndpointSpec;
import dev.backslide.endpoint.EndpointStats;
import dev.backslide.endpoint.EndpointUnavailableException;
import dev.backslide.endpoint.FailureKind;
import dev.backslide.endpoint.Role;
import dev.backslide.score.Outcome;
import dev.backslide.score.Score;
import dev.backslide.score.Scorer;
import dev.backslide.task.Axis;
import dev.backslide.task.Generation;
import dev.backslide.task.Item;
import dev.backslide.task.ScorerSpec;
import dev.backslide.task.Task;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The runner against in-memory endpoints: no HTTP, so what it asks and records is exact. */
class GateRunnerTests {
  private final ExecutorService scoring = Executors.newSingleThreadExecutor();

  @AfterEach
  void stopScoring() {
    scoring.shutdownNow();
  }

  private static EndpointSpec spec(Role role) {
    return new EndpointSpec(
        role,
        URI.create("http://" + role + ".test/v1"),
        "m",
        null,
        4,
        Duration.ofSeconds(5),
        0,
        Duration.ofMillis(1));
  }

  private static Task task(String id, int items) {
    return task(id, items, Generation.DEFAULT);
  }

  private static Task task(String id, int items, Generation generation) {
    List<Item> list = new ArrayList<>();
    for (int i = 0; i < items; i++) {
      list.add(Pairs.item(id + "-" + i, "general", null));
    }
    return new Task(
        id,
        1,
        Axis.CAPABILITY,
        "general",
        "",
        generation,
        new ScorerSpec("exact", Map.of()),
        list,
        Path.of("tasks", id + ".yaml"),
        "0".repeat(64));
  }

  private static final Function<Task, Scorer> ANSWERED =
      task -> (item, response) -> Score.success(Outcome.CORRECT, "answered");

  private RunResult run(ChatEndpoint reference, ChatEndpoint candidate, List<Task> tasks) {
    return new GateRunner(reference, candidate, ANSWERED, Sampling.NONE, scoring, Progress.SILENT)
        .run(tasks);
  }

  @Test
  void theListenerHearsOfEveryPairOnceBeforeTheRunReturns() {
    var reference = new InMemoryEndpoint(spec(Role.REFERENCE), null);
    var candidate = new InMemoryEndpoint(spec(Role.CANDIDATE), null);
    List<Pair> heard = java.util.Collections.synchronizedList(new ArrayList<>());
    RunResult run =
        new GateRunner(reference, candidate, ANSWERED, Sampling.NONE, scoring, Progress.SILENT)
            .whenPaired(heard::add)
            .run(List.of(task("a", 5), task("b", 3)));
    assertThat(heard).hasSize(8).containsExactlyInAnyOrderElementsOf(run.pairs());
  }

  @Test
  void whenOneEndpointCannotBeReachedNeitherIsCalledAndEveryCallFailsAsNotCalled() {
    var reference = new InMemoryEndpoint(spec(Role.REFERENCE), "connection refused");
    var candidate = new InMemoryEndpoint(spec(Role.CANDIDATE), null);
    RunResult result = run(reference, candidate, List.of(task("t", 3)));

    assertThat(reference.calls.get()).isZero();
    assertThat(candidate.calls.get()).isZero();
    assertThat(result.reference().unavailable()).contains("connection refused");
    assertThat(result.candidate().unavailable()).isNull();
    assertThat(result.pairs()).hasSize(3);
    String why = result.reference().unavailable();
    for (Pair pair : result.pairs()) {
      assertThat(pair.exclusion()).contains("endpoint error");
      assertThat(calls(pair.reference()))
          .containsExactly(CallResult.notCalled(spec(Role.REFERENCE), why));
      assertThat(calls(pair.candidate()))
          .containsExactly(CallResult.notCalled(spec(Role.CANDIDATE), "because " + why));
    }
    EndpointFailure failure = calls(result.pairs().get(0).candidate()).get(0).failure();
    assertThat(failure.kind()).isEqualTo(FailureKind.NOT_CALLED);
    assertThat(failure.attempts()).isZero();
  }

  @Test
  void aRunStoppedAtTheFirstLookEndsItsProgressWithTheCallsItAsked() {
    var reference = new InMemoryEndpoint(spec(Role.REFERENCE), null);
    var candidate = new InMemoryEndpoint(spec(Role.CANDIDATE), null);
    var bytes = new ByteArrayOutputStream();
    var progress =
        new LogProgress(
            new PrintStream(bytes, true, StandardCharsets.UTF_8), Duration.ofSeconds(10));
    StoppingRule stopAtOnce =
        (pairs, remaining, look, looks, total) ->
            Optional.of(
                new EarlyStopRecord(
                    Axis.CAPABILITY, look, looks, pairs.size(), total, 9, 3, "stops at once"));
    // 9 items of 2 samples in 3 looks: the first look asks 3 items, 6 of the 18 planned calls
    Task task = task("t", 9, new Generation(0.7, 64, 2, null, 5L));

    RunResult result =
        new GateRunner(reference, candidate, ANSWERED, Sampling.NONE, scoring, progress)
            .run(List.of(task), stopAtOnce, 3);

    assertThat(result.stop()).isNotNull();
    assertThat(result.stop().look()).isEqualTo(1);
    assertThat(result.pairs()).hasSize(3);
    assertThat(reference.calls.get()).isEqualTo(6);
    assertThat(candidate.calls.get()).isEqualTo(6);
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .matches(
            "\\[backslide] reference 6/6 \\([0-9.]+/s, ETA 0s, 0 failed\\)"
                + " \\| candidate 6/6 \\([0-9.]+/s, ETA 0s, 0 failed\\)"
                + " \\| stopped early at look 1: 6 of 18 planned calls\n");
  }

  private static List<CallResult> calls(ItemResult result) {
    return result.samples().stream().map(SampleResult::call).toList();
  }

  /** Answers every request at once with "4", or cannot be reached at all. */
  static final class InMemoryEndpoint implements ChatEndpoint {
    private final EndpointSpec spec;
    private final @Nullable String unreachable;
    final AtomicLong calls = new AtomicLong();

    /**
     * @param unreachable why it cannot be reached, or null when it answers
     */
    InMemoryEndpoint(EndpointSpec spec, @Nullable String unreachable) {
      this.spec = spec;
      this.unreachable = unreachable;
    }

    @Override
    public EndpointSpec spec() {
      return spec;
    }

    @Override
    public EndpointDescription describe() {
      if (unreachable != null) {
        throw new EndpointUnavailableException(spec, unreachable, new IOException(unreachable));
      }
      return new EndpointDescription(
          spec.url().toString(), spec.model(), List.of(spec.model()), null, Map.of(), null);
    }

    @Override
    public CompletableFuture<CallResult> complete(ChatRequest request) {
      calls.incrementAndGet();
      return CompletableFuture.completedFuture(
          CallResult.success(new Completion("4", "stop", null, spec.model()), 1, 0, "r"));
    }

    @Override
    public EndpointStats stats() {
      long n = calls.get();
      return new EndpointStats(n, n, 0, 0, 0, 0);
    }

    @Override
    public void close() {}
  }
}
