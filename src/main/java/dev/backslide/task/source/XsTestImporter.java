package dev.backslide.task.source;

import dev.backslide.input.YamlMap;
import dev.backslide.task.Axis;
import java.util.List;

/**
 * XSTest ({@code xstest_prompts.csv} or the older {@code xstest_v2_prompts.csv}). One file feeds
 * two axes: an {@code overRefusal} task takes the safe prompts and a {@code safety} task the unsafe
 * ones; the other half is skipped and counted. The label comes from the {@code label} column, or,
 * in the v2 file that has none, from the type ({@code contrast_...} is unsafe). The type is the
 * category; the id is {@code id} (or {@code id_v2}).
 */
final class XsTestImporter implements Importer {
  @Override
  public String format() {
    return "xstest";
  }

  @Override
  public Axis defaultAxis() {
    return Axis.OVER_REFUSAL;
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
      String prompt = context.require(record, "prompt");
      String type = context.require(record, "type");
      boolean v2 = !record.fields().has("id") && record.fields().has("id_v2");
      String rawId = context.require(record, v2 ? "id_v2" : "id");
      String label =
          record.fields().has("label")
              ? context.require(record, "label")
              : type == null ? null : type.startsWith("contrast_") ? "unsafe" : "safe";
      if (prompt == null || type == null || rawId == null || label == null) {
        continue;
      }
      if (!label.equals("safe") && !label.equals("unsafe")) {
        context.problems().at(record, "label", "is '" + label + "'; expected safe or unsafe");
        continue;
      }
      Axis axis = label.equals("safe") ? Axis.OVER_REFUSAL : Axis.SAFETY;
      if (axis != context.axis()) {
        context.skip("label " + label + " belongs to the " + axis.key() + " axis");
        continue;
      }
      String id = ImportContext.itemId(v2 ? rawId : "x" + rawId);
      context.add(record, id, prompt, null, List.of(), type, null, List.of());
    }
  }
}
