package dev.backslide.task.source;

import dev.backslide.input.YamlMap;
import dev.backslide.task.Axis;
import java.util.List;

/**
 * GSM8K JSONL ({@code question}, {@code answer}): the target is the number after {@code ####} in
 * the answer, with thousands separators removed. Scored by {@code numeric}.
 */
final class Gsm8kImporter implements Importer {
  @Override
  public String format() {
    return "gsm8k";
  }

  @Override
  public Axis defaultAxis() {
    return Axis.CAPABILITY;
  }

  @Override
  public List<String> scorers() {
    return List.of("numeric");
  }

  @Override
  public Layout layout(YamlMap options) {
    return Layout.JSONL;
  }

  @Override
  public void read(List<DatasetRecord> records, ImportContext context) {
    for (DatasetRecord record : records) {
      context.read();
      String question = context.require(record, "question");
      String answer = context.require(record, "answer");
      if (question == null || answer == null) {
        continue;
      }
      int mark = answer.lastIndexOf("####");
      if (mark < 0) {
        context.problems().at(record, "answer", "has no '####' followed by the final number");
        continue;
      }
      String target = answer.substring(mark + 4).strip().replace(",", "");
      context.add(
          record,
          String.format(java.util.Locale.ROOT, "r%04d", record.number()),
          question,
          target,
          List.of(),
          null,
          null,
          List.of());
    }
  }
}
