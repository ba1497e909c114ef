package dev.backslide.task;

import java.util.Objects;
import java.util.Set;

/** One message of a chat conversation, as sent to an OpenAI-compatible endpoint. */
public record ChatMessage(String role, String content) {
  private static final Set<String> ROLES = Set.of("system", "user", "assistant");

  public ChatMessage {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(content, "content");
    if (!ROLES.contains(role)) {
      throw new IllegalArgumentException(
          "role must be one of system, user, assistant but was '" + role + "'");
    }
  }

  public static ChatMessage user(String content) {
    return new ChatMessage("user", content);
  }

  public static ChatMessage system(String content) {
    return new ChatMessage("system", content);
  }
}
