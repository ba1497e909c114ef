package dev.backslide.endpoint;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A successful chat completion.
 *
 * @param content the assistant message's content; may be empty (scored as "could not judge")
 * @param finishReason as reported, such as "stop" or "length" (truncated at max tokens)
 * @param systemFingerprint the {@code system_fingerprint} the endpoint reported, if any
 * @param model the model the endpoint says answered
 */
public record Completion(
    String content, String finishReason, @Nullable String systemFingerprint, String model) {
  public Completion {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(finishReason, "finishReason");
    Objects.requireNonNull(model, "model");
  }

  /** True when the endpoint stopped because it reached max tokens. */
  public boolean truncated() {
    return finishReason.equals("length");
  }
}
