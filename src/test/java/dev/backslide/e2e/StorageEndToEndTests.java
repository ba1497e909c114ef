package dev.backslide.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backslide.fixture.Answers;
import dev.backslide.fixture.ModelBehaviour;
import dev.backslide.fixture.ScriptedChatServer;
import dev.backslide.task.Task;
import dev.backslide.task.TaskLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Baselines, the run journal, resume after SIGKILL and re-scoring, end to end in child JVMs against
 * scripted loopback servers, over a copy of the starter tasks.
 */
class StorageEndToEndTests {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path work;
  @RegisterExtension final ScriptedEndpoints endpoints = new ScriptedEndpoints();
  private Path tasksDir;
  private List<Task> tasks;

  @BeforeEach
  void copyTasks() throws IOException {
    tasksDir = work.resolve("tasks");
    Path source = GateProcess.projectDir().resolve("tasks");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        Path target = tasksDir.resolve(source.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    }
    tasks = new TaskLoader(work).loadAll(tasksDir);
  }

  private GateProcess gate(String name) {
    return new GateProcess(work.resolve(name))
        .set("backslide.tasks", tasksDir.toString())
        .set("backslide.output", work.resolve("out").toString());
  }

  private GateProcess record(ScriptedChatServer reference, Path baseline, String name) {
    return gate(name)
        .set("backslide.record", baseline.toString())
        .set("backslide.reference.url", reference.baseUrl())
        .set("backslide.reference.model", "ref-model");
  }

  @Test
  void aBaselineDiffsByExactlyTheFlippedItemsAndStandsInForTheReference() throws Exception {
    Path baseline = work.resolve("baselines").resolve("ref");
    List<String> first;
    try (var reference = ScriptedChatServer.start("ref-model")) {
      reference.otherwise(ModelBehaviour.faithful(tasks));
      var recorded = record(reference, baseline, "record-1").run();
      assertThat(recorded.exitCode()).as(recorded.output()).isZero();
      assertThat(recorded.output()).contains("RECORDED: baseline " + baseline);
      first = Files.readAllLines(baseline.resolve("harmful-starter.jsonl"));
      assertThat(first).hasSize(120);
      List<String> ids = first.stream().map(l -> read(l).get("item").asText()).toList();
      assertThat(ids).isSorted();
      assertThat(read(first.get(0)).get("outcome").asText()).isEqualTo("refused");
      assertThat(Files.readString(baseline.resolve("baseline.json")))
          .contains("\"sha256\"", "\"systemFingerprints\"", "fp_fixture", "\"maxTokens\"");
      assertThat(baseline.resolve("harmful-starter.summary.json")).exists();
      assertThat(baseline.resolve("harmful-starter.timings.jsonl")).exists();

      Set<String> flipped = Set.of("cybercrime-03", "violence-07", "weapons-05");
      reference
          .clearRules()
          .otherwise(
              ModelBehaviour.faithful(tasks)
                  .except(t -> flipped.contains(t.item().id()), Answers::placeholderCompliance));
      assertThat(record(reference, baseline, "record-2").run().exitCode()).isZero();
    }
    List<String> second = Files.readAllLines(baseline.resolve("harmful-starter.jsonl"));
    List<String> changed = new ArrayList<>();
    for (int i = 0; i < first.size(); i++) {
      if (!first.get(i).equals(second.get(i))) {
        changed.add(read(second.get(i)).get("item").asText());
      }
    }
    assertThat(changed).containsExactly("cybercrime-03", "violence-07", "weapons-05");

    // the reference server is gone: the baseline answers for it
    try (var candidate = ScriptedChatServer.start("cand-model")) {
      candidate.otherwise(ModelBehaviour.badLlama(tasks));
      var outcome =
          gate("compare")
              .set("backslide.reference.baseline", baseline.toString())
              .set("backslide.candidate.url", candidate.baseUrl())
              .set("backslide.candidate.model", "cand-model")
              .run();
      assertThat(outcome.exitCode()).isEqualTo(1);
      assertThat(outcome.cell("safety", "total").get("verdict").asText()).isEqualTo("FAIL");
      assertThat(outcome.summary().at("/errors/reference/failed").asLong()).isZero();
      assertThat(outcome.summary().at("/reference/reported/note").asText())
          .startsWith("stored reference: baseline ref recorded ");
      assertThat(outcome.output()).contains("from baseline " + baseline + " recorded ");
    }
  }

  @Test
  void staleBaselinesAreRefusedWithTheTaskTheMismatchAndTheCommand() throws Exception {
    Path baseline = work.resolve("baselines").resolve("ref");
    String url;
    try (var reference = ScriptedChatServer.start("ref-model")) {
      reference.otherwise(ModelBehaviour.faithful(tasks));
      url = reference.baseUrl();
      assertThat(record(reference, baseline, "record").run().exitCode()).isZero();
    }
    String command =
        "mvn test -Dbackslide.record="
            + baseline
            + " -Dbackslide.reference.url="
            + url
            + " -Dbackslide.reference.model=ref-model";
    Path harmful = tasksDir.resolve("safety").resolve("harmful-starter.yaml");
    String original = Files.readString(harmful);
    String oldSha =
        tasks.stream()
            .filter(t -> t.id().equals("harmful-starter"))
            .findFirst()
            .orElseThrow()
            .sha256();

    Files.writeString(harmful, original + "\n# an edit\n");
    String newSha = new TaskLoader(work).load(harmful).sha256();
    assertThat(compareAgainst(baseline).output())
        .contains(
            "1 problem in the baseline "
                + baseline
                + ":\n  "
                + baseline
                + "/baseline.json: task"
                + " harmful-starter changed since it was recorded (sha256 "
                + oldSha.substring(0, 12)
                + " recorded, "
                + newSha.substring(0, 12)
                + " now); re-record: "
                + command);

    Files.writeString(harmful, original.replace("version: 1", "version: 2"));
    assertThat(compareAgainst(baseline).output())
        .contains(
            baseline
                + "/baseline.json: task harmful-starter was recorded at version 1 but is now"
                + " version 2; re-record: "
                + command);

    Files.writeString(harmful, original);
    var changedGeneration = compareAgainst(baseline, "backslide.sampling.maxTokens", "64");
    assertThat(changedGeneration.output())
        .contains(
            baseline
                + "/baseline.json: task arithmetic-starter was recorded with generation"
                + " parameters {\"temperature\":0.0,\"maxTokens\":256,\"samples\":1} but this run uses"
                + " {\"temperature\":0.0,\"maxTokens\":64,\"samples\":1}; re-record: "
                + command);
    assertThat(changedGeneration.exitCode()).isEqualTo(1);
  }

  private GateProcess.Outcome compareAgainst(Path baseline, String... extra) throws Exception {
    var gate =
        gate("stale-" + System.nanoTime())
            .set("backslide.reference.baseline", baseline.toString())
            .set("backslide.candidate.url", "http://127.0.0.1:9/v1")
            .set("backslide.candidate.model", "cand-model");
    for (int i = 0; i < extra.length; i += 2) {
      gate.set(extra[i], extra[i + 1]);
    }
    return gate.run();
  }

  @Test
  void aRunKilledWithSigkillResumesWithoutAskingAnyAnsweredItemAgain() throws Exception {
    var reference = endpoints.reference();
    var candidate = endpoints.candidate();
    ModelBehaviour refModel = ModelBehaviour.faithful(tasks);
    ModelBehaviour candModel = ModelBehaviour.badLlama(tasks);
    reference.otherwise(refModel).latency(Duration.ofMillis(25));
    candidate.otherwise(candModel).latency(Duration.ofMillis(25));

    GateProcess first =
        gate("first")
            .endpoints(reference.baseUrl(), candidate.baseUrl())
            .set("backslide.runId", "crash-1")
            .set("backslide.concurrency", "2");
    Process process = first.start();
    Path journal = work.resolve("out").resolve("runs").resolve("crash-1").resolve("journal.jsonl");
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (lines(journal) < 200 && System.nanoTime() < deadline && process.isAlive()) {
      Thread.sleep(20);
    }
    assertThat(process.isAlive()).as("the run should still be going when it is killed").isTrue();
    process.destroyForcibly().waitFor();
    assertThat(process.exitValue()).isEqualTo(137);

    List<String> before = Files.readAllLines(journal);
    Set<String> answeredBefore = new HashSet<>();
    for (String line : before.subList(1, before.size())) {
      answeredBefore.add(key(read(line)));
    }
    Files.writeString(
        journal,
        "{\"role\":\"candidate\",\"task\":\"harm",
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);
    reference.clearCalls();
    candidate.clearCalls();

    var resumed =
        gate("resumed")
            .endpoints(reference.baseUrl(), candidate.baseUrl())
            .set("backslide.resume", "crash-1")
            .set("backslide.concurrency", "8")
            .run();
    assertThat(resumed.output())
        .contains("the last line was cut off by the interruption")
        .contains(answeredBefore.size() + " answers taken from the journal");
    for (var call : reference.calls()) {
      String item = refModel.itemFor(call.prompt()).orElseThrow().key();
      assertThat(answeredBefore).doesNotContain("reference|" + item + "|0");
    }
    for (var call : candidate.calls()) {
      String item = candModel.itemFor(call.prompt()).orElseThrow().key();
      assertThat(answeredBefore).doesNotContain("candidate|" + item + "|0");
    }
    List<String> after = Files.readAllLines(journal);
    List<String> keys = after.subList(1, after.size()).stream().map(l -> key(read(l))).toList();
    int items = tasks.stream().mapToInt(t -> t.items().size()).sum();
    assertThat(keys).hasSize(2 * items).doesNotHaveDuplicates();

    reference.clearCalls();
    candidate.clearCalls();
    var clean = gate("clean").endpoints(reference.baseUrl(), candidate.baseUrl()).run();
    assertThat(verdicts(resumed)).isEqualTo(verdicts(clean));

    var rescored = gate("rescored").set("backslide.rescore", "crash-1").run();
    assertThat(rescored.output()).contains("(re-scored, no endpoint is called)");
    assertThat(verdicts(rescored)).isEqualTo(verdicts(clean));
    assertThat(rescored.summary().at("/reference/url").asText()).isEqualTo(reference.baseUrl());
  }

  @Test
  void shardsPartitionTheItemsAndTheirMergeGivesTheUnsplitVerdict() throws Exception {
    var reference = endpoints.reference().otherwise(ModelBehaviour.faithful(tasks));
    var candidate = endpoints.candidate().otherwise(ModelBehaviour.wrongArithmetic(tasks, 0.5));
    var whole = gate("whole").endpoints(reference.baseUrl(), candidate.baseUrl()).run();
    int asked = 0;
    for (int i = 1; i <= 3; i++) {
      candidate.clearCalls();
      var shard =
          gate("shard-" + i)
              .endpoints(reference.baseUrl(), candidate.baseUrl())
              .set("backslide.shard", i + "/3")
              .set("backslide.runId", "shard-" + i)
              .run();
      assertThat(shard.output()).contains("[backslide] shard " + i + "/3: ");
      asked += candidate.calls().size();
    }
    int items = tasks.stream().mapToInt(t -> t.items().size()).sum();
    assertThat(asked).isEqualTo(items);
    reference.close();
    candidate.close();
    var merged = gate("merged").set("backslide.merge", "shard-1,shard-2,shard-3").run();
    assertThat(merged.output())
        .contains("(merging shards shard-1, shard-2, shard-3, no endpoint is called)");
    assertThat(verdicts(merged)).isEqualTo(verdicts(whole));
    assertThat(merged.summary().at("/errors/candidate/failed").asLong()).isZero();
  }

  private static List<String> verdicts(GateProcess.Outcome outcome) {
    List<String> out = new ArrayList<>();
    out.add(outcome.verdict());
    outcome
        .summary()
        .get("cells")
        .forEach(
            c ->
                out.add(
                    c.get("axis").asText()
                        + "/"
                        + c.get("category").asText()
                        + " "
                        + c.get("n").asInt()
                        + " "
                        + c.get("verdict").asText()
                        + " "
                        + c.get("delta").asText()));
    return out;
  }

  private static String key(JsonNode line) {
    return line.get("role").asText()
        + "|"
        + line.get("task").asText()
        + "/"
        + line.get("item").asText()
        + "|"
        + line.get("sample").asInt();
  }

  private static long lines(Path file) throws IOException {
    if (!Files.exists(file)) {
      return 0;
    }
    try (var lines = Files.lines(file)) {
      return lines.count();
    }
  }

  private static JsonNode read(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }
}
