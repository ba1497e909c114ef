package dev.backslide.endpoint;

import dev.backslide.task.ChatMessage;
import dev.backslide.task.Generation;
import java.util.List;

/**
 * One chat completion to ask for: the full message list (system prompt included) and the sampling
 * parameters, identical on both endpoints.
 *
 * @param messages the conversation to send
 * @param generation temperature, max tokens, seed
 * @param sample which of the k samples of the item this is, from 0
 */
public record ChatRequest(List<ChatMessage> messages, Generation generation, int sample) {
  public ChatRequest {
    messages = List.copyOf(messages);
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("a chat request needs at least one message");
    }
    if (sample < 0) {
      throw new IllegalArgumentException("sample must be 0 or more but was " + sample);
    }
  }
}
