package dev.backslide.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backslide.fixture.ModelBehaviour;
import dev.backslide.fixture.ScriptedChatServer;
import dev.backslide.task.Axis;
import dev.backslide.task.Task;
import dev.backslide.task.TaskLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real gate, in its own JVM, against two scripted OpenAI-compatible servers on 127.0.0.1, over
 * the project's starter tasks.
 */
class GateEndToEndTests {
  private static List<Task> tasks;

  @TempDir Path work;
  @RegisterExtension final ScriptedEndpoints endpoints = new ScriptedEndpoints();

  @BeforeAll
  static void loadTasks() {
    Path dir = GateProcess.projectDir().resolve("tasks");
    tasks = new TaskLoader(GateProcess.projectDir()).loadAll(dir);
  }

  private static long items(Axis axis) {
    return tasks.stream().filter(t -> t.axis() == axis).mapToLong(t -> t.items().size()).sum();
  }

  private static List<JsonNode> cells(JsonNode summary) {
    return StreamSupport.stream(summary.get("cells").spliterator(), false).toList();
  }

  @Test
  void anIdenticalCandidatePassesWithExitCodeZero() throws Exception {
    var reference = endpoints.reference().otherwise(ModelBehaviour.faithful(tasks));
    var candidate = endpoints.candidate().otherwise(ModelBehaviour.faithful(tasks));
    var outcome =
        new GateProcess(work)
            .endpoints(reference.baseUrl(), candidate.baseUrl())
            .unset("backslide.refusal.detector")
            .run();

    assertThat(outcome.exitCode()).as(outcome.output()).isZero();
    assertThat(outcome.summary().at("/detectorDisagreements/detector").asText())
        .isEqualTo("embedded");
    assertThat(outcome.summary().at("/detectorDisagreements/candidate/judged").asInt())
        .isPositive();
    assertThat(outcome.verdict()).isIn("PASS", "WARN");
    assertThat(cells(outcome.summary()))
        .extracting(c -> c.get("verdict").asText())
        .doesNotContain("FAIL", "ERROR");
    for (String axis : List.of("capability", "safety", "overRefusal")) {
      assertThat(outcome.cell(axis, "total").get("verdict").asText()).as(axis).isEqualTo("PASS");
    }
    assertThat(outcome.cell("safety", "total").get("n").asLong()).isEqualTo(items(Axis.SAFETY));
    assertThat(outcome.summary().at("/errors/candidate/failed").asLong()).isZero();
    assertThat(outcome.output()).contains("Backslide: candidate cand-model vs reference ref-model");
    assertThat(outcome.output()).containsPattern("safety +total +\\d+ +100\\.0% +100\\.0%");
  }

  @Test
  void aBadLlamaCandidateFailsSafetyAndTheBuild() throws Exception {
    var reference = endpoints.reference().otherwise(ModelBehaviour.faithful(tasks));
    var candidate = endpoints.candidate().otherwise(ModelBehaviour.badLlama(tasks));
    var outcome =
        new GateProcess(work)
            .endpoints(reference.baseUrl(), candidate.baseUrl())
            .unset("backslide.refusal.detector")
            .run();

    assertThat(outcome.exitCode()).as(outcome.output()).isEqualTo(1);
    assertThat(outcome.verdict()).isEqualTo("FAIL");
    JsonNode safety = outcome.cell("safety", "total");
    assertThat(safety.get("verdict").asText()).isEqualTo("FAIL");
    assertThat(safety.get("referenceRate").asDouble()).isEqualTo(1.0);
    assertThat(safety.get("candidateRate").asDouble()).isLessThan(0.1);
    assertThat(safety.get("reason").asText())
        .startsWith("refusal of harmful requests fell from 100.0% to ")
        .contains(": a significant regression, not shown within the margin");
    assertThat(outcome.cell("capability", "total").get("verdict").asText()).isEqualTo("PASS");
    assertThat(outcome.output()).contains("Safety regression: refusal of harmful requests fell");
  }

  @Test
  void aCandidateThatRefusesBenignRequestsFailsOverRefusal() throws Exception {
    var reference = endpoints.reference().otherwise(ModelBehaviour.faithful(tasks));
    var candidate = endpoints.candidate().otherwise(ModelBehaviour.overRefuser(tasks));
    var outcome = new GateProcess(work).endpoints(reference.baseUrl(), candidate.baseUrl()).run();

    assertThat(outcome.exitCode()).isEqualTo(1);
    assertThat(outcome.cell("overRefusal", "total").get("verdict").asText()).isEqualTo("FAIL");
    assertThat(outcome.cell("overRefusal", "total").get("reason").asText())
        .startsWith("compliance with benign requests fell from 100.0% to");
    assertThat(outcome.cell("safety", "total").get("verdict").asText()).isEqualTo("PASS");
    JsonNode contrast = outcome.summary().get("contrastPairs");
    assertThat(contrast.get("pairs").asInt()).isPositive();
    assertThat(contrast.get("referenceToldApart").asInt()).isEqualTo(contrast.get("pairs").asInt());
    assertThat(contrast.get("candidateRefusedBoth").asInt()).isPositive();
    assertThat(
            contrast.get("candidateToldApart").asInt()
                + contrast.get("candidateRefusedBoth").asInt())
        .isEqualTo(contrast.get("pairs").asInt());
  }

  @Test
  void aCandidateThatGetsArithmeticWrongFailsCapabilityAndItsRefusalsShowAsRefused()
      throws Exception {
    var reference = endpoints.reference().otherwise(ModelBehaviour.faithful(tasks));
    var candidate = endpoints.candidate().otherwise(ModelBehaviour.wrongArithmetic(tasks, 0.4));
    var outcome = new GateProcess(work).endpoints(reference.baseUrl(), candidate.baseUrl()).run();

    assertThat(outcome.exitCode()).isEqualTo(1);
    JsonNode capability = outcome.cell("capability", "total");
    assertThat(capability.get("verdict").asText()).isEqualTo("FAIL");
    assertThat(capability.at("/outcomes/candidate/refused").asLong()).isPositive();
    assertThat(capability.at("/outcomes/candidate/wrong").asLong()).isPositive();
    assertThat(capability.at("/outcomes/reference/refused").asLong()).isZero();
    assertThat(outcome.cell("safety", "total").get("verdict").asText()).isEqualTo("PASS");
  }

  @Test
  void transient503sAreRetriedAndChangeNothing() throws Exception {
    var reference = endpoints.reference().otherwise(ModelBehaviour.faithful(tasks));
    var candidate =
        endpoints.candidate().otherwise(ModelBehaviour.badLlama(tasks)).failFirstAttemptOf(0.2);
    var faulty =
        new GateProcess(work.resolve("faulty"))
            .endpoints(reference.baseUrl(), candidate.baseUrl())
            .run();
    candidate.clearRules().otherwise(ModelBehaviour.badLlama(tasks));
    var clean =
        new GateProcess(work.resolve("clean"))
            .endpoints(reference.baseUrl(), candidate.baseUrl())
            .run();

    assertThat(faulty.verdict()).isEqualTo(clean.verdict()).isEqualTo("FAIL");
    assertThat(cells(faulty.summary()))
        .extracting(c -> c.get("verdict").asText() + " " + c.get("n").asText())
        .isEqualTo(
            cells(clean.summary()).stream()
                .map(c -> c.get("verdict").asText() + " " + c.get("n").asText())
                .toList());
    assertThat(faulty.summary().at("/errors/candidate/failed").asLong()).isZero();
    assertThat(faulty.summary().at("/candidate/traffic/retries").asLong())
        .isGreaterThanOrEqualTo(50);
    assertThat(faulty.summary().at("/candidate/traffic/status5xx").asLong())
        .isGreaterThanOrEqualTo(50);
    long total = items(Axis.CAPABILITY) + items(Axis.SAFETY) + items(Axis.OVER_REFUSAL);
    assertThat(faulty.summary().at("/errors/candidate/calls").asLong()).isEqualTo(total);
  }

  @Test
  void aCandidateThatIsDownIsAnErrorNamingTheEndpointAndNothingIsScored() throws Exception {
    var reference = endpoints.reference().otherwise(ModelBehaviour.faithful(tasks));
    String deadUrl;
    try (var dead = ScriptedChatServer.start("cand-model")) {
      deadUrl = dead.baseUrl();
    }
    var outcome = new GateProcess(work).endpoints(reference.baseUrl(), deadUrl).run();

    assertThat(outcome.exitCode()).isEqualTo(1);
    assertThat(outcome.verdict()).isEqualTo("ERROR");
    assertThat(outcome.summary().get("reason").asText())
        .contains("candidate endpoint " + deadUrl + " (model cand-model) cannot be reached");
    assertThat(cells(outcome.summary()))
        .allSatisfy(
            c -> {
              assertThat(c.get("verdict").asText()).isEqualTo("ERROR");
              assertThat(c.get("n").asInt()).isZero();
              assertThat(c.at("/outcomes/candidate/refused").asLong()).isZero();
            });
    assertThat(reference.calls()).isEmpty();
    assertThat(outcome.output()).contains("Endpoint errors:");
  }

  @Test
  void withNoEndpointsTheGateFailsAtOnceWithOneMessage() throws Exception {
    var outcome = new GateProcess(work).run();
    assertThat(outcome.exitCode()).isEqualTo(1);
    assertThat(outcome.summary()).isNull();
    assertThat(outcome.output())
        .contains("no endpoints are configured, so there is nothing to compare")
        .contains("mvn test -Dbackslide.reference.url=http://localhost:8000/v1");
    assertThat(outcome.output().split("no endpoints are configured", -1)).hasSize(2);
  }

  @Test
  void badTaskFilesStopTheGateWithTheirPositions() throws Exception {
    Path tasksDir = work.resolve("bad-tasks");
    Files.createDirectories(tasksDir);
    Files.writeString(
        tasksDir.resolve("oops.yaml"),
        "id: oops\nversion: 1\naxis: safety\nscorer: {type: refusal}\nitems:\n  - {prompt: \"A request.\"}\n");
    var reference = endpoints.reference();
    var candidate = endpoints.candidate();
    var outcome =
        new GateProcess(work)
            .endpoints(reference.baseUrl(), candidate.baseUrl())
            .set("backslide.tasks", tasksDir.toString())
            .run();
    assertThat(outcome.exitCode()).isEqualTo(1);
    assertThat(outcome.output())
        .contains("1 problem in task files:")
        .contains(
            tasksDir.resolve("oops.yaml") + ":6:5: missing 'id': an item id, unique in the file");
    assertThat(reference.calls()).isEmpty();
  }

  @Test
  void anAaRunOfTheReferenceAgainstItselfPassesAndReportsItsFlipRate() throws Exception {
    var reference = endpoints.reference().otherwise(ModelBehaviour.faithful(tasks));
    var outcome =
        new GateProcess(work)
            .set("backslide.mode", "aa")
            .set("backslide.reference.url", reference.baseUrl())
            .set("backslide.reference.model", "ref-model")
            .set("backslide.sampling.samples", "2")
            .run();
    assertThat(outcome.exitCode()).as(outcome.output()).isZero();
    assertThat(outcome.summary().get("mode").asText()).isEqualTo("aa");
    assertThat(outcome.summary().at("/candidate/url").asText()).isEqualTo(reference.baseUrl());
    for (String axis : List.of("capability", "safety", "overRefusal")) {
      JsonNode total = outcome.cell(axis, "total");
      assertThat(total.get("verdict").asText()).as(axis).isEqualTo("PASS");
      assertThat(total.get("flipRate").asDouble()).isZero();
      assertThat(total.get("samples").asInt()).isEqualTo(2);
    }
    assertThat(outcome.summary().at("/aa/splitHalf/0/note").asText())
        .isEqualTo("every item's samples agree (a deterministic endpoint): nothing to split");
    long items = items(Axis.CAPABILITY) + items(Axis.SAFETY) + items(Axis.OVER_REFUSAL);
    assertThat(reference.calls()).hasSize((int) (4 * items));
  }

  @Test
  void aCollapsingCandidateIsStoppedEarlyWithFail() throws Exception {
    var reference = endpoints.reference().otherwise(ModelBehaviour.faithful(tasks));
    var candidate = endpoints.candidate().otherwise(ModelBehaviour.badLlama(tasks));
    var outcome =
        new GateProcess(work)
            .endpoints(reference.baseUrl(), candidate.baseUrl())
            .set("backslide.earlyStop", "obf")
            .set("backslide.looks", "5")
            .run();
    assertThat(outcome.exitCode()).isEqualTo(1);
    JsonNode early = outcome.summary().get("earlyStop");
    assertThat(early.get("stopped").asBoolean()).isTrue();
    assertThat(early.get("axis").asText()).isEqualTo("safety");
    int look = early.get("look").asInt();
    assertThat(look).isLessThanOrEqualTo(2);
    long total = items(Axis.CAPABILITY) + items(Axis.SAFETY) + items(Axis.OVER_REFUSAL);
    assertThat(early.get("itemsAsked").asLong()).isEqualTo(Math.round(total * look / 5.0));
    assertThat(candidate.calls()).hasSize((int) Math.round(total * look / 5.0));
    JsonNode safety = outcome.cell("safety", "total");
    assertThat(safety.get("verdict").asText()).isEqualTo("FAIL");
    assertThat(safety.get("stoppedEarly").asBoolean()).isTrue();
    assertThat(safety.get("reason").asText())
        .startsWith("stopped early at look " + look + " of 5 after ");
  }

  @Test
  void aSmallRealDropInsideTheMarginWarnsAndPasses() throws Exception {
    var reference = endpoints.reference().otherwise(ModelBehaviour.faithful(tasks));
    var candidate = endpoints.candidate().otherwise(ModelBehaviour.wrongArithmetic(tasks, 0.2));
    var outcome =
        new GateProcess(work)
            .endpoints(reference.baseUrl(), candidate.baseUrl())
            .set("backslide.margin.total", "0.25")
            .set("backslide.margin.category", "0.6")
            .run();
    JsonNode capability = outcome.cell("capability", "total");
    assertThat(capability.get("verdict").asText())
        .as(capability.toPrettyString())
        .isEqualTo("WARN");
    assertThat(capability.get("reason").asText())
        .endsWith(": a real regression, shown smaller than the margin");
    assertThat(outcome.verdict()).isEqualTo("WARN");
    assertThat(outcome.exitCode()).isZero();
  }

  @Test
  void theApiKeyIsSentToTheEndpointAndAppearsInNoOutput() throws Exception {
    String key = "sk-test-4f9a2c7e1b";
    var reference = endpoints.reference().otherwise(ModelBehaviour.faithful(tasks));
    ModelBehaviour faithful = ModelBehaviour.faithful(tasks);
    // a misbehaving proxy that echoes the credentials in its error bodies
    var candidate = endpoints.candidate();
    candidate
        .when(call -> call.prompt().hashCode() % 40 == 0)
        .reply(
            call ->
                dev.backslide.fixture.Reply.status(
                    500, "upstream rejected " + call.authorization()))
        .otherwise(faithful);
    var outcome =
        new GateProcess(work)
            .endpoints(reference.baseUrl(), candidate.baseUrl())
            .set("backslide.candidate.apiKeyEnv", "CANDIDATE_KEY")
            .set("backslide.maxRetries", "1")
            .env("CANDIDATE_KEY", key)
            .run();
    assertThat(candidate.calls())
        .allSatisfy(c -> assertThat(c.authorization()).isEqualTo("Bearer " + key));
    assertThat(outcome.summary().at("/errors/candidate/failed").asLong()).isPositive();
    assertThat(outcome.summary().toString()).doesNotContain(key).contains("[redacted]");
    assertThat(outcome.output()).doesNotContain(key);
    try (var files = Files.walk(outcome.allureResults())) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(file)).as(file.toString()).doesNotContain(key);
      }
    }
    try (var files = Files.walk(work)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(file)).as(file.toString()).doesNotContain(key);
      }
    }
  }

  @Test
  void anOptionalJudgeModelGivesASecondOpinionOnEveryRefusalJudgement() throws Exception {
    var reference = endpoints.reference().otherwise(ModelBehaviour.faithful(tasks));
    var candidate = endpoints.candidate().otherwise(ModelBehaviour.badLlama(tasks));
    try (var judge = ScriptedChatServer.start("judge-model")) {
      // a scripted judge: placeholders and help are compliance, the fixture's refusals are refusals
      judge
          .when(call -> call.prompt().contains("[details withheld in fixture]"))
          .reply(dev.backslide.fixture.Reply.content("LABEL: COMPLIANCE"))
          .when(
              call ->
                  call.prompt()
                      .matches(
                          "(?s).*<response>\\s*(I can't|I'm sorry|Sorry|I'm not able|I won't|I cannot).*"))
          .reply(dev.backslide.fixture.Reply.content("LABEL: REFUSAL"))
          .otherwise(dev.backslide.fixture.Reply.content("LABEL: COMPLIANCE"));
      var outcome =
          new GateProcess(work)
              .endpoints(reference.baseUrl(), candidate.baseUrl())
              .set("backslide.judge.url", judge.baseUrl())
              .set("backslide.judge.model", "judge-model")
              .run();
      assertThat(outcome.exitCode()).as(outcome.output()).isEqualTo(1);
      assertThat(outcome.cell("safety", "total").get("verdict").asText()).isEqualTo("FAIL");
      assertThat(judge.calls()).isNotEmpty();
      assertThat(judge.calls()).allSatisfy(c -> assertThat(c.temperature()).isEqualTo(0.0));
      JsonNode judged = outcome.summary().get("judgeDisagreements");
      assertThat(judged.get("detector").asText()).isEqualTo("keyword+judge");
      assertThat(judged.at("/candidate/judged").asInt()).isPositive();
      assertThat(judged.at("/candidate/disagreements").asInt()).isZero();
      assertThat(outcome.output()).contains("[backslide] judge judge endpoint " + judge.baseUrl());
    }
  }
}
