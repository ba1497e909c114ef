package dev.backslide.task.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backslide.input.YamlMap;
import dev.backslide.task.Axis;
import dev.backslide.task.Instruction;
import dev.backslide.task.InstructionCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IFEval's {@code input_data.jsonl} ({@code key}, {@code prompt}, {@code instruction_id_list},
 * {@code kwargs}): each record's instructions, with null arguments dropped, are checked by the
 * {@code instructions} scorer. Unknown instruction ids and bad arguments are reported with the
 * record and field.
 */
final class IfEvalImporter implements Importer {
  @Override
  public String format() {
    return "ifeval";
  }

  @Override
  public Axis defaultAxis() {
    return Axis.CAPABILITY;
  }

  @Override
  public List<String> scorers() {
    return List.of("instructions");
  }

  @Override
  public Layout layout(YamlMap options) {
    return Layout.JSONL;
  }

  @Override
  public void read(List<DatasetRecord> records, ImportContext context) {
    for (DatasetRecord record : records) {
      context.read();
      String key = context.require(record, "key");
      String prompt = context.require(record, "prompt");
      JsonNode ids = record.fields().get("instruction_id_list");
      JsonNode kwargs = record.fields().get("kwargs");
      if (ids == null || !ids.isArray() || ids.isEmpty()) {
        context
            .problems()
            .at(record, "instruction_id_list", "must be a non-empty list of instruction ids");
        continue;
      }
      if (kwargs == null || !kwargs.isArray() || kwargs.size() != ids.size()) {
        context
            .problems()
            .at(
                record,
                "kwargs",
                "must be a list with one object per instruction id (" + ids.size() + ")");
        continue;
      }
      List<Instruction> instructions = new ArrayList<>();
      boolean ok = key != null && prompt != null;
      for (int i = 0; i < ids.size(); i++) {
        Instruction instruction =
            instruction(record, ids.get(i).asText(), kwargs.get(i), i, context);
        if (instruction == null) {
          ok = false;
        } else {
          instructions.add(instruction);
        }
      }
      if (ok) {
        context.add(
            record, ImportContext.itemId(key), prompt, null, List.of(), null, null, instructions);
      }
    }
  }

  private static Instruction instruction(
      DatasetRecord record, String id, JsonNode kwargs, int index, ImportContext context) {
    var args = InstructionCatalog.args(id);
    String field = "instruction_id_list[" + index + "]";
    if (args.isEmpty()) {
      context
          .problems()
          .at(
              record,
              field,
              "unknown instruction id '"
                  + id
                  + "'; known ids: "
                  + String.join(", ", InstructionCatalog.ids()));
      return null;
    }
    Map<String, Object> values = new LinkedHashMap<>();
    boolean ok = true;
    for (InstructionCatalog.Arg arg : args.get()) {
      JsonNode node = kwargs.get(arg.name());
      String where = "kwargs[" + index + "]." + arg.name();
      if (node == null || node.isNull()) {
        context.problems().at(record, where, "is missing; " + id + " needs it");
        ok = false;
        continue;
      }
      Object value = value(node);
      var problem = InstructionCatalog.check(arg, value);
      if (problem.isPresent()) {
        context.problems().at(record, where, problem.get());
        ok = false;
      } else {
        values.put(arg.name(), value);
      }
    }
    var known = args.get().stream().map(InstructionCatalog.Arg::name).toList();
    var names = kwargs.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name) && !kwargs.get(name).isNull()) {
        context
            .problems()
            .at(record, "kwargs[" + index + "]." + name, "is not an argument of " + id);
        ok = false;
      }
    }
    return ok ? new Instruction(id, values) : null;
  }

  static Object value(JsonNode node) {
    if (node.isIntegralNumber()) {
      return node.asInt();
    }
    if (node.isArray()) {
      List<String> list = new ArrayList<>();
      node.forEach(n -> list.add(n.asText()));
      return list;
    }
    return node.asText();
  }
}
