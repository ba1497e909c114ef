package dev.backslide.task.generate;

import dev.backslide.task.Instruction;
import java.util.List;
import java.util.Objects;

/**
 * An item made by code: the prompt, the answer computed by code, and, for instruction items, the
 * instructions (the target is then an example response that follows them).
 */
record GeneratedItem(
    String id, String prompt, String target, String category, List<Instruction> instructions) {
  GeneratedItem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(target, "target");
    instructions = List.copyOf(instructions);
  }

  GeneratedItem(String id, String prompt, String target, String category) {
    this(id, prompt, target, category, List.of());
  }
}
