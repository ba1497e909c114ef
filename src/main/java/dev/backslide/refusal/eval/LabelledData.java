package dev.backslide.refusal.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backslide.refusal.RefusalLabel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads labelled responses from JSONL: one JSON object a line, {@code {"prompt": ..., "response":
 * ..., "label": "compliance" | "partial" | "refusal"}}, optionally with an {@code id} and any other
 * fields (ignored). Blank lines are skipped. Every problem in the file is collected, each with its
 * line, before failing.
 */
public final class LabelledData {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LabelledData() {}

  /**
   * @throws LabelledDataException listing every bad line of the file
   * @throws UncheckedIOException when the file cannot be read
   */
  public static List<LabelledResponse> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read labelled data " + file + ": " + e, e);
    }
    return parse(lines, file.toString());
  }

  /** Parses the lines of a JSONL file named {@code source} in messages. */
  public static List<LabelledResponse> parse(List<String> lines, String source) {
    List<LabelledResponse> rows = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      int number = i + 1;
      String where = source + ":" + number + ": ";
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (JsonProcessingException e) {
        problems.add(where + "not JSON (" + e.getOriginalMessage() + ")");
        continue;
      }
      if (!node.isObject()) {
        problems.add(where + "expected a JSON object");
        continue;
      }
      int before = problems.size();
      @Nullable String prompt = text(node, "prompt", where, problems);
      @Nullable String response = text(node, "response", where, problems);
      @Nullable String label = text(node, "label", where, problems);
      @Nullable RefusalLabel parsed = label == null ? null : label(label);
      if (label != null && parsed == null) {
        problems.add(
            where + "label must be compliance, partial or refusal but was \"" + label + "\"");
      }
      if (problems.size() > before || prompt == null || response == null || parsed == null) {
        continue;
      }
      String id = node.path("id").isTextual() ? node.get("id").asText() : "line " + number;
      rows.add(new LabelledResponse(number, id, prompt, response, parsed));
    }
    if (!problems.isEmpty()) {
      throw new LabelledDataException(source, problems);
    }
    if (rows.isEmpty()) {
      throw new LabelledDataException(source, List.of(source + ": no labelled rows"));
    }
    return List.copyOf(rows);
  }

  /** The label of a file name: compliance, partial or refusal; null for anything else. */
  public static @Nullable RefusalLabel label(String name) {
    return switch (name) {
      case "compliance" -> RefusalLabel.COMPLIANCE;
      case "partial" -> RefusalLabel.PARTIAL_REFUSAL;
      case "refusal" -> RefusalLabel.FULL_REFUSAL;
      default -> null;
    };
  }

  private static @Nullable String text(
      JsonNode node, String field, String where, List<String> problems) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      problems.add(where + "missing \"" + field + "\"");
      return null;
    }
    if (!value.isTextual()) {
      problems.add(where + "\"" + field + "\" must be a string");
      return null;
    }
    return value.asText();
  }
}
