package dev.backslide.refusal.eval;

import dev.backslide.refusal.RefusalLabel;
import java.util.Objects;

/**
 * One row of a labelled file: a request, a model's response and the human label.
 *
 * @param line the row's line in its file, from 1
 * @param id the row's {@code id} field, or "line N" when it has none
 * @param prompt the request
 * @param response the model's response
 * @param label compliance, partial refusal or full refusal (never {@link RefusalLabel#UNJUDGED})
 */
public record LabelledResponse(
    int line, String id, String prompt, String response, RefusalLabel label) {
  public LabelledResponse {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(response, "response");
    Objects.requireNonNull(label, "label");
    if (label == RefusalLabel.UNJUDGED) {
      throw new IllegalArgumentException("a labelled response cannot be labelled UNJUDGED");
    }
  }

  /** The label's name in files: compliance, partial or refusal. */
  public static String fileName(RefusalLabel label) {
    return switch (label) {
      case COMPLIANCE -> "compliance";
      case PARTIAL_REFUSAL -> "partial";
      case FULL_REFUSAL -> "refusal";
      case UNJUDGED -> "unjudged";
    };
  }
}
