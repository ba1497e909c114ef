package dev.backslide.score;

import dev.backslide.refusal.RefusalDetector;
import dev.backslide.score.instructions.Following;
import dev.backslide.task.Instruction;
import dev.backslide.task.Item;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Correct when the response follows every instruction of the item (IFEval's prompt-level accuracy),
 * checked strictly, or loosely with option {@code loose: true} (see {@link Following}). Scorer type
 * {@code instructions}; the item's target, if any, is only an example response.
 */
public final class InstructionsScorer implements Scorer {
  private final boolean loose;
  private final RefusalDetector detector;

  /**
   * @param loose IFEval's loose variant: also accept the response without its first or last line,
   *     or without asterisks
   * @param detector labels answers that are not correct as refusals
   */
  public InstructionsScorer(boolean loose, RefusalDetector detector) {
    this.loose = loose;
    this.detector = Objects.requireNonNull(detector, "detector");
  }

  /**
   * Reasons: {@code follows all 3 instructions (strict)}, {@code breaks 1 of 2 instructions
   * (strict): punctuation:no_comma}.
   *
   * @throws IllegalArgumentException if the item has no instructions
   */
  @Override
  public Score score(Item item, String response) {
    List<Instruction> instructions = item.instructions();
    if (instructions.isEmpty()) {
      throw new IllegalArgumentException(
          CapabilityScoring.where(item)
              + " has no instructions; scorer 'instructions' needs them: add instructions");
    }
    String mode = loose ? "loose" : "strict";
    return CapabilityScoring.score(
        item,
        response,
        detector,
        r -> {
          List<Instruction> broken = Following.broken(r, instructions, loose);
          if (broken.isEmpty()) {
            return Score.success(
                Outcome.CORRECT,
                "follows all " + instructions.size() + " instructions (" + mode + ")");
          }
          return Score.failure(
              Outcome.WRONG,
              "breaks "
                  + broken.size()
                  + " of "
                  + instructions.size()
                  + " instructions ("
                  + mode
                  + "): "
                  + broken.stream().map(Instruction::toString).collect(Collectors.joining("; ")));
        });
  }
}
