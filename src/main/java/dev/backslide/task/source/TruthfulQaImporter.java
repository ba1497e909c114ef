package dev.backslide.task.source;

import dev.backslide.input.YamlMap;
import dev.backslide.task.Axis;
import dev.backslide.task.Item;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * TruthfulQA's CSV as multiple choice. Option {@code mode}: {@code mc1} (default: the best answer
 * among the incorrect answers, at most 25 of them in file order) or {@code binary} (best answer
 * against best incorrect answer; the 2025 file only). Options are shuffled with {@code new
 * Random(seed * 31 + question.hashCode())}, option {@code seed} (default 0), so the order depends
 * on neither the file order nor the JVM. The category is the question's category.
 */
final class TruthfulQaImporter implements Importer {
  private static final int MAX_INCORRECT = 25;

  @Override
  public String format() {
    return "truthfulqa";
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
  public Set<String> options() {
    return Set.of("mode", "seed");
  }

  @Override
  public Layout layout(YamlMap options) {
    return Layout.CSV;
  }

  @Override
  public void read(List<DatasetRecord> records, ImportContext context) {
    YamlMap options = context.options();
    String mode = options.string("mode", false, "mc1 or binary");
    if (mode == null) {
      mode = "mc1";
    } else if (!mode.equals("mc1") && !mode.equals("binary")) {
      options
          .problems()
          .at(options.value("mode"), "'mode' must be mc1 or binary but is '" + mode + "'");
      return;
    }
    Integer seedOption = options.integer("seed", false, 0, Integer.MAX_VALUE, "a whole number");
    long seed = seedOption == null ? 0 : seedOption;
    boolean binary = mode.equals("binary");
    for (DatasetRecord record : records) {
      context.read();
      String question = context.require(record, "Question");
      String best = context.require(record, "Best Answer");
      String category = context.require(record, "Category");
      String wrong =
          binary
              ? context.require(record, "Best Incorrect Answer")
              : context.require(record, "Incorrect Answers");
      if (question == null || best == null || category == null || wrong == null) {
        continue;
      }
      Set<String> options2 = new LinkedHashSet<>();
      options2.add(best.strip());
      if (binary) {
        options2.add(wrong.strip());
      } else {
        for (String answer : wrong.split(";")) {
          if (!answer.isBlank() && options2.size() <= MAX_INCORRECT) {
            options2.add(answer.strip());
          }
        }
      }
      if (options2.size() < 2) {
        context
            .problems()
            .at(
                record,
                binary ? "Best Incorrect Answer" : "Incorrect Answers",
                "gives no incorrect answer that differs from the best answer");
        continue;
      }
      List<String> choices = new ArrayList<>(options2);
      Collections.shuffle(choices, new Random(seed * 31 + question.hashCode()));
      String target = String.valueOf(Item.letter(choices.indexOf(best.strip())));
      context.add(
          record,
          String.format(Locale.ROOT, "r%03d", record.number()),
          question,
          target,
          choices,
          category,
          null,
          List.of());
    }
  }
}
