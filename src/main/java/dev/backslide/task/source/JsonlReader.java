package dev.backslide.task.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** Reads JSON Lines: one JSON object per non-empty line. */
final class JsonlReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonlReader() {}

  /** One record per non-empty line; a line that is not a JSON object is reported. */
  static List<DatasetRecord> records(String text, ImportProblems problems) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<DatasetRecord> records = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    int number = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      number++;
      try {
        JsonNode node = JSON.readTree(line);
        if (node == null || !node.isObject()) {
          problems.at(number, i + 1, null, "is not a JSON object; write one object per line");
          continue;
        }
        records.add(new DatasetRecord(number, i + 1, node));
      } catch (JsonProcessingException e) {
        problems.at(number, i + 1, null, "is not valid JSON: " + e.getOriginalMessage());
      }
    }
    return records;
  }
}
