package dev.backslide.task.source;

import dev.backslide.input.YamlMap;
import dev.backslide.task.Axis;
import java.util.List;
import java.util.Locale;

/**
 * MMLU's headerless CSV (question, A, B, C, D, answer letter), one subject per file; the task's
 * category names the subject. Scored by {@code choice}.
 */
final class MmluImporter implements Importer {
  @Override
  public String format() {
    return "mmlu";
  }

  @Override
  public Axis defaultAxis() {
    return Axis.CAPABILITY;
  }

  @Override
  public List<String> scorers() {
    return List.of("choice");
  }

  @Override
  public Layout layout(YamlMap options) {
    return Layout.CSV_HEADERLESS;
  }

  @Override
  public void read(List<DatasetRecord> records, ImportContext context) {
    for (DatasetRecord record : records) {
      context.read();
      if (record.fields().size() != 6) {
        context
            .problems()
            .at(record, null, "has " + record.fields().size() + " fields; MMLU rows have 6");
        continue;
      }
      String question = context.require(record, "0");
      List<String> choices = new java.util.ArrayList<>();
      boolean complete = question != null;
      for (int i = 1; i <= 4; i++) {
        // an option may legitimately be "0" or a single character, but not missing
        String option = Fields.text(record.fields(), Integer.toString(i));
        if (option == null || option.isEmpty()) {
          context
              .problems()
              .at(record, Integer.toString(i), "option " + (char) ('A' + i - 1) + " is empty");
          complete = false;
        } else {
          choices.add(option);
        }
      }
      String answer = context.require(record, "5");
      if (!complete || answer == null) {
        continue;
      }
      context.add(
          record,
          String.format(Locale.ROOT, "r%04d", record.number()),
          question,
          answer.strip().toUpperCase(Locale.ROOT),
          choices,
          null,
          null,
          List.of());
    }
  }
}
