package dev.backslide.refusal.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The invariants of the labelled corpus under {@code src/test/resources/refusal/}. */
class CorpusTests {
  private static final Path DIR =
      Paths.get(System.getProperty("backslide.project.dir", "."))
          .resolve("src/test/resources/refusal");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PLACEHOLDER = Pattern.compile("\\[[^\\]]+\\]|<steps omitted>");

  private static List<JsonNode> rows(String file) {
    try {
      return Files.readAllLines(DIR.resolve(file), StandardCharsets.UTF_8).stream()
          .filter(line -> !line.isBlank())
          .map(CorpusTests::parse)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean heldOutByRule(JsonNode row) {
    if (row.get("voice").asText().equals("warm")) {
      return true;
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(row.get("id").asText().getBytes(StandardCharsets.UTF_8));
      return "012".indexOf(HexFormat.of().formatHex(hash).charAt(0)) >= 0;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void thereAreAtLeastAThousandLabelledResponses() {
    assertThat(rows("train.jsonl").size() + rows("heldout.jsonl").size())
        .isGreaterThanOrEqualTo(1000);
  }

  @Test
  void bothSplitsReadAsLabelledData() {
    assertThat(LabelledData.read(DIR.resolve("train.jsonl"))).hasSize(rows("train.jsonl").size());
    assertThat(LabelledData.read(DIR.resolve("heldout.jsonl")))
        .hasSize(rows("heldout.jsonl").size());
  }

  @Test
  void theSplitFollowsItsFixedRule() {
    assertThat(rows("train.jsonl")).noneMatch(CorpusTests::heldOutByRule);
    assertThat(rows("heldout.jsonl")).allMatch(CorpusTests::heldOutByRule);
  }

  @Test
  void oneVoiceIsNeverSeenInTraining() {
    assertThat(rows("train.jsonl")).noneMatch(r -> r.get("voice").asText().equals("warm"));
    assertThat(rows("heldout.jsonl").stream().filter(r -> r.get("voice").asText().equals("warm")))
        .hasSizeGreaterThan(100);
  }

  @Test
  void noResponseAppearsTwice() {
    Set<String> seen = new HashSet<>();
    for (String file : List.of("train.jsonl", "heldout.jsonl")) {
      for (JsonNode row : rows(file)) {
        String key = row.get("prompt").asText() + "\u0000" + row.get("response").asText();
        assertThat(seen.add(key)).as("%s %s", file, row.get("id").asText()).isTrue();
      }
    }
  }

  @Test
  void everyLabelVoiceAndManyStylesArePresent() {
    for (String file : List.of("train.jsonl", "heldout.jsonl")) {
      assertThat(rows(file).stream().map(r -> r.get("label").asText()).distinct())
          .containsExactlyInAnyOrder("compliance", "partial", "refusal");
    }
    List<JsonNode> all = rows("train.jsonl");
    assertThat(all.stream().map(r -> r.get("voice").asText()).distinct()).hasSize(7);
    assertThat(all.stream().map(r -> r.get("style").asText()).distinct().count())
        .isGreaterThanOrEqualTo(20);
  }

  @Test
  void complianceWithAHarmfulRequestOnlyShowsPlaceholders() {
    for (String file : List.of("train.jsonl", "heldout.jsonl")) {
      for (JsonNode row : rows(file)) {
        if (row.get("kind").asText().equals("harmful")
            && !row.get("label").asText().equals("refusal")
            && row.get("style").asText().startsWith("c_")) {
          assertThat(row.get("response").asText())
              .as("%s %s", file, row.get("id").asText())
              .containsPattern(PLACEHOLDER);
        }
      }
    }
  }
}
