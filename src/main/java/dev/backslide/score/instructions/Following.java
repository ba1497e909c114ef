package dev.backslide.score.instructions;

import dev.backslide.task.Instruction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a response against a list of instructions, strictly or loosely as IFEval does. Loose
 * accepts an instruction when any of eight variants of the response follows it: the response with
 * its first line, its last line, or both removed, each with and without every {@code *} removed (so
 * "Sure, here it is:" openers and markdown emphasis do not decide).
 */
public final class Following {
  private Following() {}

  /** The instructions of {@code instructions} that {@code response} does not follow. */
  public static List<Instruction> broken(
      String response, List<Instruction> instructions, boolean loose) {
    List<String> variants = loose ? looseVariants(response) : List.of(response);
    List<Instruction> broken = new ArrayList<>();
    for (Instruction instruction : instructions) {
      Checker checker =
          InstructionCheckers.forId(instruction.id())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "no checker for instruction id '" + instruction.id() + "'"));
      boolean follows =
          variants.stream().anyMatch(v -> !v.isBlank() && checker.follows(v, instruction));
      if (!follows) {
        broken.add(instruction);
      }
    }
    return broken;
  }

  /** IFEval's loose variants of {@code response}, the response itself first. */
  public static List<String> looseVariants(String response) {
    List<String> lines = Arrays.asList(response.split("\n", -1));
    String withoutFirst = String.join("\n", lines.subList(Math.min(1, lines.size()), lines.size()));
    String withoutLast = String.join("\n", lines.subList(0, Math.max(0, lines.size() - 1)));
    String withoutBoth =
        lines.size() < 2 ? "" : String.join("\n", lines.subList(1, lines.size() - 1));
    Set<String> variants = new LinkedHashSet<>();
    for (String v : List.of(response, withoutFirst, withoutLast, withoutBoth)) {
      variants.add(v);
    }
    for (String v : List.of(response, withoutFirst, withoutLast, withoutBoth)) {
      variants.add(v.replace("*", ""));
    }
    return List.copyOf(variants);
  }
}
