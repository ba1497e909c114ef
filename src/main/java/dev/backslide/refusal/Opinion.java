package dev.backslide.refusal;

import java.util.Objects;

/**
 * One detector's judgement of a response, inside an {@link EnsembleJudgement}.
 *
 * @param detector the detector's {@link RefusalDetector#name() name}
 * @param judgement its judgement
 */
public record Opinion(String detector, RefusalJudgement judgement) {
  public Opinion {
    Objects.requireNonNull(detector, "detector");
    Objects.requireNonNull(judgement, "judgement");
  }

  public RefusalLabel label() {
    return judgement.label();
  }
}
