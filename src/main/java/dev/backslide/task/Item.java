package dev.backslide.task;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One item of a task: the conversation to send, what a correct answer is, and where it sits.
 *
 * @param id unique within its task
 * @param messages the conversation (without the task's system prompt), ending with a user message
 * @param target the expected answer for capability scorers; null for refusal-scored items
 * @param choices the options of a multiple-choice item, labelled A, B, C... in order; else empty
 * @param category the misuse or skill category; the task's default when the item names none
 * @param cluster items with the same cluster are not independent (paraphrases, one passage)
 * @param pair the id of a contrast twin (a benign item's harmful twin, or the reverse)
 * @param line the line of the item in its task file (or record in its dataset), for messages
 * @param instructions what an answer must follow, for the {@code instructions} scorer; else empty
 */
public record Item(
    String id,
    List<ChatMessage> messages,
    @Nullable String target,
    List<String> choices,
    String category,
    @Nullable String cluster,
    @Nullable String pair,
    int line,
    List<Instruction> instructions) {

  /** An item without instructions. */
  public Item(
      String id,
      List<ChatMessage> messages,
      @Nullable String target,
      List<String> choices,
      String category,
      @Nullable String cluster,
      @Nullable String pair,
      int line) {
    this(id, messages, target, choices, category, cluster, pair, line, List.of());
  }

  public Item {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(category, "category");
    messages = List.copyOf(messages);
    choices = List.copyOf(choices);
    instructions = List.copyOf(instructions);
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("item " + id + " has no messages");
    }
  }

  /** The text of the last user message: the request this item makes. */
  public String prompt() {
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i).role().equals("user")) {
        return messages.get(i).content();
      }
    }
    return messages.get(messages.size() - 1).content();
  }

  /** The letter of choice {@code index}: A for 0, B for 1, ... */
  public static char letter(int index) {
    return (char) ('A' + index);
  }
}
