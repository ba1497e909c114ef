package dev.backslide.task;

import dev.backslide.input.Problems;
import dev.backslide.input.YamlMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads an item's {@code instructions}: a list of mappings, each with an instruction {@code id}
 * from {@link InstructionCatalog} and that instruction's arguments, e.g. {@code {id:
 * "length_constraints:number_words", relation: "at least", num_words: 40}}.
 */
final class Instructions {
  private Instructions() {}

  static List<Instruction> read(YamlMap item) {
    List<Node> nodes = item.list("instructions", "a list of {id, arguments...}");
    if (nodes == null) {
      return List.of();
    }
    Problems problems = item.problems();
    if (nodes.isEmpty()) {
      problems.at(item.value("instructions"), "'instructions' is empty; give at least one");
    }
    List<Instruction> instructions = new ArrayList<>();
    for (Node node : nodes) {
      YamlMap.of(node, problems, "an instruction")
          .flatMap(Instructions::one)
          .ifPresent(instructions::add);
    }
    return instructions.size() == nodes.size() ? instructions : List.of();
  }

  private static Optional<Instruction> one(YamlMap map) {
    Problems problems = map.problems();
    String id = map.string("id", true, "an instruction id such as punctuation:no_comma");
    if (id == null) {
      return Optional.empty();
    }
    Optional<List<InstructionCatalog.Arg>> args = InstructionCatalog.args(id);
    if (args.isEmpty()) {
      problems.at(
          map.value("id"),
          "unknown instruction id '"
              + id
              + "'; expected one of "
              + String.join(", ", InstructionCatalog.ids()));
      return Optional.empty();
    }
    Set<String> allowed = new TreeSet<>();
    allowed.add("id");
    args.get().forEach(a -> allowed.add(a.name()));
    map.rejectUnknownKeys(allowed, "instruction " + id);
    boolean ok = true;
    Map<String, Object> values = new LinkedHashMap<>();
    for (InstructionCatalog.Arg arg : args.get()) {
      Node node = map.value(arg.name());
      if (node == null) {
        if (arg.required()) {
          problems.at(
              map.node(),
              "missing '"
                  + arg.name()
                  + "': instruction "
                  + id
                  + " needs "
                  + arg.kind().description());
          ok = false;
        }
        continue;
      }
      Object value = value(node, arg.kind());
      Optional<String> problem = InstructionCatalog.check(arg, value);
      if (problem.isPresent()) {
        problems.at(node, problem.get());
        ok = false;
      } else {
        values.put(arg.name(), value);
      }
    }
    return ok && map.keys().stream().allMatch(allowed::contains)
        ? Optional.of(new Instruction(id, values))
        : Optional.empty();
  }

  private static Object value(Node node, InstructionCatalog.Kind kind) {
    if (node instanceof SequenceNode sequence) {
      return sequence.getValue().stream()
          .map(n -> n instanceof ScalarNode s ? s.getValue() : "")
          .collect(Collectors.toList());
    }
    String text = node instanceof ScalarNode s ? s.getValue() : "";
    if (kind == InstructionCatalog.Kind.NUMBER) {
      try {
        return Integer.parseInt(text.trim());
      } catch (NumberFormatException e) {
        return text;
      }
    }
    if (kind == InstructionCatalog.Kind.WORDS) {
      return List.of(text);
    }
    return text;
  }

  /** Instructions belong to the {@code instructions} scorer, and it needs them. */
  static void check(YamlMap item, String scorer, List<Instruction> instructions) {
    boolean has = item.has("instructions");
    if (scorer.equals("instructions") && !has) {
      item.problems()
          .at(
              item.node(),
              "missing 'instructions': the instructions scorer needs what the answer must follow");
    } else if (!scorer.equals("instructions") && has) {
      item.problems()
          .at(
              item.value("instructions"),
              "'instructions' is only used by the instructions scorer; remove it");
    }
  }
}
