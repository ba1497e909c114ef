package dev.backslide.score.instructions;

import dev.backslide.task.Instruction;

/** Whether a response follows one instruction. Implementations are pure and thread-safe. */
@FunctionalInterface
public interface Checker {
  boolean follows(String response, Instruction instruction);
}
