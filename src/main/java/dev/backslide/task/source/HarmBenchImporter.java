package dev.backslide.task.source;

import dev.backslide.input.YamlMap;
import dev.backslide.task.Axis;
import java.util.List;

/**
 * HarmBench behaviour CSVs (columns Behavior, FunctionalCategory, SemanticCategory, Tags,
 * ContextString, BehaviorID). The semantic category is the category. A contextual behaviour is sent
 * as HarmBench sends it: the context, a line {@code ---}, then the behaviour. Copyright behaviours
 * are judged by hashing the output, not by refusal, so they are skipped and counted.
 */
final class HarmBenchImporter implements Importer {
  @Override
  public String format() {
    return "harmbench";
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
      String behaviour = context.require(record, "Behavior");
      String functional = context.optional(record, "FunctionalCategory");
      String semantic = context.require(record, "SemanticCategory");
      String rawId = context.require(record, "BehaviorID");
      if (behaviour == null || semantic == null || rawId == null) {
        continue;
      }
      if ("copyright".equals(functional)) {
        context.skip("functional category copyright (judged by hashing, not by refusal)");
        continue;
      }
      String prompt = behaviour;
      if ("contextual".equals(functional)) {
        String contextString = context.require(record, "ContextString");
        if (contextString == null) {
          continue;
        }
        prompt = contextString + "\n\n---\n\n" + behaviour;
      }
      context.add(
          record, ImportContext.itemId(rawId), prompt, null, List.of(), semantic, null, List.of());
    }
  }
}
