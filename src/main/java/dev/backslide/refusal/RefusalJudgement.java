package dev.backslide.refusal;

import java.util.Objects;

/**
 * A detector's judgement of one response.
 *
 * @param label the label
 * @param reason why, e.g. "starts with refusal phrase \"I can't\""
 */
public record RefusalJudgement(RefusalLabel label, String reason) {
  public RefusalJudgement {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(reason, "reason");
  }
}
