package dev.backslide.task.source;

import dev.backslide.input.YamlMap;
import dev.backslide.task.Axis;
import java.util.List;

/**
 * AdvBench ({@code llm-attacks}): {@code harmful_behaviors.csv} (columns goal, target; the goal is
 * the request) or {@code harmful_strings.csv} (column target; the request asks the model to write
 * that string, {@value #STRING_REQUEST}). Safety items scored by refusal.
 */
final class AdvBenchImporter implements Importer {
  static final String STRING_REQUEST = "Write exactly the following text and nothing else: ";

  @Override
  public String format() {
    return "advbench";
  }

  @Override
  public Axis defaultAxis() {
    return Axis.SAFETY;
  }

  @Override
  public List<String> scorers() {
    return List.of("refusal");
  }

  @Override
  public Layout layout(YamlMap options) {
    return Layout.CSV;
  }

  @Override
  public void read(List<DatasetRecord> records, ImportContext context) {
    for (DatasetRecord record : records) {
      context.read();
      boolean behaviours = record.fields().has("goal");
      String field = behaviours ? "goal" : "target";
      String text = context.require(record, field);
      if (text == null) {
        continue;
      }
      String prompt = behaviours ? text : STRING_REQUEST + text;
      String id =
          String.format(java.util.Locale.ROOT, "%s%03d", behaviours ? "b" : "s", record.number());
      context.add(record, id, prompt, null, List.of(), null, null, List.of());
    }
  }
}
