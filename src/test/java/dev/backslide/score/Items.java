package dev.backslide.score;

import dev.backslide.task.ChatMessage;
import dev.backslide.task.Item;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Items for scorer tests. */
final class Items {
  private Items() {}

  static Item withTarget(@Nullable String target) {
    return new Item(
        "q1", List.of(ChatMessage.user("a question")), target, List.of(), "test", null, null, 7);
  }

  static Item choice(String target, String... choices) {
    return new Item(
        "q1",
        List.of(ChatMessage.user("a question")),
        target,
        List.of(choices),
        "test",
        null,
        null,
        7);
  }

  static Item request(String prompt) {
    return new Item(
        "s1", List.of(ChatMessage.user(prompt)), null, List.of(), "test", null, null, 3);
  }
}
