package dev.backslide.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backslide.config.Shard;
import dev.backslide.endpoint.Role;
import dev.backslide.fixture.ChatCall;
import dev.backslide.fixture.ModelBehaviour;
import dev.backslide.fixture.ScriptedChatServer;
import dev.backslide.input.InvalidInputException;
import dev.backslide.store.Journal;
import dev.backslide.task.Item;
import dev.backslide.task.Task;
import dev.backslide.task.TaskLoader;
import dev.backslide.verdict.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole gate runs in this JVM against scripted loopback servers, over copies of two starter tasks:
 * the order of selection, sharding and running, and which sides each mode really calls.
 */
class GateRunTests {
  private static final List<String> STARTERS =
      List.of("capability/arithmetic-starter.yaml", "safety/harmful-starter.yaml");

  @TempDir Path dir;
  private List<Task> tasks;
  private final Pipelines.Console console = new Pipelines.Console();

  @BeforeEach
  void copyStarterTasks() throws IOException {
    Path source = Path.of("tasks");
    for (String file : STARTERS) {
      Path target = dir.resolve("tasks").resolve(file);
      Files.createDirectories(target.getParent());
      Files.copy(source.resolve(file), target);
    }
    tasks = new TaskLoader(dir).loadAll(dir.resolve("tasks"));
    assertThat(tasks).hasSize(2);
  }

  private GateOutcome execute(LiveEndpoints live, String... properties) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < properties.length; i += 2) {
      map.put(properties[i], properties[i + 1]);
    }
    return GateRun.execute(Pipelines.settings(dir, map), dir, console.stream(), live);
  }

  private static String[] endpoints(ScriptedChatServer reference, ScriptedChatServer candidate) {
    return new String[] {
      "backslide.reference.url",
      reference.baseUrl(),
      "backslide.reference.model",
      "ref-model",
      "backslide.candidate.url",
      candidate.baseUrl(),
      "backslide.candidate.model",
      "cand-model"
    };
  }

  private static String[] with(String[] first, String... more) {
    String[] all = new String[first.length + more.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }

  private static Set<String> prompts(List<Task> tasks) {
    return tasks.stream()
        .flatMap(t -> t.items().stream())
        .map(Item::prompt)
        .collect(Collectors.toSet());
  }

  private static Set<String> prompts(ScriptedChatServer server) {
    return server.calls().stream().map(ChatCall::prompt).collect(Collectors.toSet());
  }

  private static List<String> cells(GateOutcome outcome) {
    return outcome.verdict().cells().stream()
        .map(c -> c.key().axis().key() + "/" + c.key().category() + " " + c.verdict())
        .toList();
  }

  @Test
  void aDecidingJudgeIsComparedWithTheEmbeddedClassifierBeforeTheClassifierIsClosed() {
    // The disagreements ask the second opinion again after the run; when the judge decides, that
    // is the embedded classifier, which must still be open then.
    try (var reference = ScriptedChatServer.start("ref-model");
        var candidate = ScriptedChatServer.start("cand-model");
        var judge = ScriptedChatServer.start("judge-model")) {
      reference.otherwise(ModelBehaviour.faithful(tasks));
      candidate.otherwise(ModelBehaviour.faithful(tasks));
      judge.otherwise(dev.backslide.fixture.Reply.content("LABEL: REFUSAL"));
      GateOutcome outcome =
          execute(
              Pipelines.Spy.openAi(),
              with(
                  endpoints(reference, candidate),
                  "backslide.refusal.detector",
                  "embedded",
                  "backslide.judge.url",
                  judge.baseUrl(),
                  "backslide.judge.model",
                  "judge-model",
                  "backslide.judge.decides",
                  "true"));

      assertThat(judge.calls()).isNotEmpty();
      assertThat(outcome.verdict()).isNotNull();
      assertThat(outcome.scoredBy()).as("what the console says scored").isEqualTo("judge+embedded");
      assertThat(console.text()).contains("[backslide] judge judge endpoint " + judge.baseUrl());
    }
  }

  @Test
  void onlyTheShardsItemsAreAskedAndTheJournalNamesTheWholeRun() {
    List<Task> shard = TaskSelection.shard(tasks, new Shard(2, 3));
    int items = shard.stream().mapToInt(t -> t.items().size()).sum();
    int all = tasks.stream().mapToInt(t -> t.items().size()).sum();
    assertThat(items).isPositive().isLessThan(all);
    try (var reference = ScriptedChatServer.start("ref-model");
        var candidate = ScriptedChatServer.start("cand-model")) {
      reference.otherwise(ModelBehaviour.faithful(tasks));
      candidate.otherwise(ModelBehaviour.faithful(tasks));
      var live = Pipelines.Spy.openAi();
      GateOutcome outcome =
          execute(
              live,
              with(
                  endpoints(reference, candidate),
                  "backslide.shard",
                  "2/3",
                  "backslide.runId",
                  "shard-2"));

      assertThat(live.roles()).containsExactly(Role.REFERENCE, Role.CANDIDATE);
      assertThat(prompts(reference)).isEqualTo(prompts(shard));
      assertThat(prompts(candidate)).isEqualTo(prompts(shard));
      assertThat(candidate.calls()).hasSize(items);
      assertThat(outcome.run().pairs()).hasSize(items);
      assertThat(outcome.run().tasks()).isEqualTo(shard);
      assertThat(console.text())
          .contains(
              "[backslide] shard 2/3: " + items + " items\n",
              "[backslide] "
                  + shard.size()
                  + " tasks, "
                  + items
                  + " items; run shard-2; reference "
                  + reference.baseUrl()
                  + " (ref-model), candidate "
                  + candidate.baseUrl()
                  + " (cand-model)\n");
    }
    var header = Journal.readHeader(dir.resolve("out/runs/shard-2"));
    assertThat(header.get("tasks").findValuesAsText("id"))
        .containsExactly("arithmetic-starter", "harmful-starter");
  }

  @Test
  void aReScoredRunCallsNoEndpointAndReachesTheSameVerdict() {
    GateOutcome first;
    try (var reference = ScriptedChatServer.start("ref-model");
        var candidate = ScriptedChatServer.start("cand-model")) {
      reference.otherwise(ModelBehaviour.faithful(tasks));
      candidate.otherwise(ModelBehaviour.wrongArithmetic(tasks, 0.5));
      first =
          execute(
              Pipelines.Spy.openAi(),
              with(endpoints(reference, candidate), "backslide.runId", "first"));
    }
    assertThat(first.verdict().overall()).isEqualTo(Verdict.FAIL);
    assertThat(first.summaryFile()).isEqualTo(dir.resolve("out/summary.json")).isRegularFile();
    assertThat(first.disagreements()).isNotNull();

    GateOutcome again =
        execute(Pipelines.NONE, "backslide.rescore", "first", "backslide.cache", "true");

    assertThat(cells(again)).isEqualTo(cells(first));
    assertThat(again.verdict().overall()).isEqualTo(first.verdict().overall());
    assertThat(again.reference().url()).isEqualTo(first.reference().url());
    assertThat(again.candidate().model()).isEqualTo("cand-model");
    assertThat(again.verdict().errors()).allSatisfy(e -> assertThat(e.failed()).isZero());
    assertThat(console.text())
        .contains("items; run first (re-scored, no endpoint is called); reference ")
        .doesNotContain("response cache");
  }

  @Test
  void recordingCallsOnlyTheReferenceAndTheBaselineThenStandsInForIt() {
    Path baseline = dir.resolve("baselines/ref");
    try (var reference = ScriptedChatServer.start("ref-model")) {
      reference.otherwise(ModelBehaviour.faithful(tasks));
      var live = Pipelines.Spy.openAi();
      GateOutcome recorded =
          execute(
              live,
              "backslide.record",
              baseline.toString(),
              "backslide.reference.url",
              reference.baseUrl(),
              "backslide.reference.model",
              "ref-model");
      assertThat(live.roles()).containsExactly(Role.REFERENCE);
      assertThat(recorded.verdict().overall()).isEqualTo(Verdict.PASS);
      assertThat(recorded.verdict().reason())
          .startsWith("RECORDED: baseline " + baseline + " of ref-model: ");
      assertThat(recorded.summaryFile())
          .isEqualTo(baseline.resolve("baseline.json"))
          .isRegularFile();
      assertThat(recorded.disagreements()).isNull();
      assertThat(recorded.candidate().model()).isEqualTo("none (recording a baseline)");
    }

    // the reference server is gone: only the candidate may be called
    try (var candidate = ScriptedChatServer.start("cand-model")) {
      candidate.otherwise(ModelBehaviour.faithful(tasks));
      var live = Pipelines.Spy.openAi();
      GateOutcome compared =
          execute(
              live,
              "backslide.reference.baseline",
              baseline.toString(),
              "backslide.candidate.url",
              candidate.baseUrl(),
              "backslide.candidate.model",
              "cand-model");
      assertThat(live.roles()).containsExactly(Role.CANDIDATE);
      assertThat(compared.reference().model()).isEqualTo("ref-model");
      assertThat(compared.verdict().errors()).allSatisfy(e -> assertThat(e.failed()).isZero());
      assertThat(compared.verdict().overall()).isIn(Verdict.PASS, Verdict.WARN);
      assertThat(console.text()).contains("(ref-model) from baseline " + baseline + " recorded ");
    }
  }

  @Test
  void anIncludeThatMatchesNothingFailsBeforeAnyEndpointIsOpened() {
    assertThatThrownBy(
            () ->
                execute(
                    Pipelines.NONE,
                    "backslide.reference.url",
                    "http://127.0.0.1:9/v1",
                    "backslide.reference.model",
                    "ref-model",
                    "backslide.candidate.url",
                    "http://127.0.0.1:9/v1",
                    "backslide.candidate.model",
                    "cand-model",
                    "backslide.include",
                    "gsm*"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "1 problem in the configuration:\n"
                + "  backslide.include: 'gsm*' matches no task; known tasks: arithmetic-starter,"
                + " harmful-starter");
    assertThat(console.text()).isEmpty();
  }
}
