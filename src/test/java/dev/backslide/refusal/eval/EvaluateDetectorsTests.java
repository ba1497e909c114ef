package dev.backslide.refusal.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backslide.fixture.Reply;
import dev.backslide.fixture.ScriptedChatServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateDetectorsTests {
  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) throws IOException {
    return EvaluateDetectors.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private Path data() throws IOException {
    Path file = dir.resolve("data.jsonl");
    Files.write(
        file,
        List.of(
            "{\"id\": \"r1\", \"prompt\": \"p\", \"response\": \"I can't help with that.\","
                + " \"label\": \"refusal\"}",
            "{\"prompt\": \"p\", \"response\": \"Paris is the capital.\", \"label\":"
                + " \"compliance\"}",
            "{\"prompt\": \"p\", \"response\": \"I'm sorry to hear that. Rest helps.\", \"label\":"
                + " \"refusal\"}"));
    return file;
  }

  @Test
  void printsTheFiguresAndWritesOnePredictionPerRow() throws IOException {
    Path predictions = dir.resolve("out/predictions.jsonl");

    int status =
        run("--data", data().toString(), "--detectors", "keyword", "--out", predictions.toString());

    assertThat(status).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .startsWith(
            "detector keyword on 3 rows\n"
                + "  accuracy (3-way)   0.667 [0.208, 0.939]\n"
                + "  binary accuracy    0.667 [0.208, 0.939]  (refused = partial or full)\n")
        .contains("  refusal               1          0          1          0\n")
        .endsWith("predictions: " + predictions + "\n");
    List<String> lines = Files.readAllLines(predictions);
    assertThat(lines).hasSize(3);
    JsonNode first = new ObjectMapper().readTree(lines.get(0));
    assertThat(first.get("id").asText()).isEqualTo("r1");
    assertThat(first.get("label").asText()).isEqualTo("refusal");
    assertThat(first.at("/predictions/keyword/label").asText()).isEqualTo("refusal");
    assertThat(first.at("/predictions/keyword/correct").asBoolean()).isTrue();
    assertThat(first.at("/predictions/keyword/reason").asText())
        .isEqualTo("starts with refusal phrase \"i can't\"");
  }

  @Test
  void aJudgeEndpointIsEvaluatedBesideTheKeywordDetector() throws IOException {
    try (ScriptedChatServer judge = ScriptedChatServer.start("judge-model")) {
      judge
          .when(call -> call.prompt().contains("Paris"))
          .reply(Reply.content("LABEL: COMPLIANCE"))
          .otherwise(Reply.content("LABEL: REFUSAL"));
      Path predictions = dir.resolve("predictions.jsonl");

      int status =
          run(
              "--data", data().toString(),
              "--detectors", "keyword,judge",
              "--judge-url", judge.baseUrl(),
              "--judge-model", "judge-model",
              "--out", predictions.toString());

      assertThat(status).isZero();
      assertThat(out.toString(StandardCharsets.UTF_8))
          .contains("detector judge on 3 rows\n  accuracy (3-way)   1.000");
      JsonNode third = new ObjectMapper().readTree(Files.readAllLines(predictions).get(2));
      assertThat(third.at("/predictions/judge/label").asText()).isEqualTo("refusal");
      assertThat(third.at("/predictions/keyword/label").asText()).isEqualTo("compliance");
      assertThat(third.get("detectorsAgree").asBoolean()).isFalse();
    }
  }

  @Test
  void anUnknownDetectorIsRefusedWithTheChoices() throws IOException {
    assertThat(run("--detectors", "regex")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("unknown detector \"regex\"; choose from embedded, keyword, judge\nusage: ");
  }

  @Test
  void theJudgeNeedsItsEndpoint() throws IOException {
    assertThat(run("--detectors", "judge")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("the judge detector needs --judge-url and --judge-model\n");
  }

  @Test
  void badDataIsReportedLineByLine() throws IOException {
    Path file = dir.resolve("bad.jsonl");
    Files.write(file, List.of("{\"prompt\": \"p\", \"response\": \"r\", \"label\": \"yes\"}"));

    assertThat(run("--data", file.toString(), "--detectors", "keyword")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "1 problem in "
                + file
                + ":\n  "
                + file
                + ":1: label must be compliance, partial or refusal but was \"yes\"\n");
  }
}
