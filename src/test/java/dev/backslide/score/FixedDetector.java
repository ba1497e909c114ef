package dev.backslide.score;

import dev.backslide.refusal.RefusalDetector;
import dev.backslide.refusal.RefusalJudgement;
import dev.backslide.refusal.RefusalLabel;

/** A detector that gives every response the same judgement, to test scorers on their own. */
record FixedDetector(RefusalLabel label, String reason) implements RefusalDetector {
  static FixedDetector complies() {
    return new FixedDetector(RefusalLabel.COMPLIANCE, "fixed compliance");
  }

  static FixedDetector refuses() {
    return new FixedDetector(RefusalLabel.FULL_REFUSAL, "fixed refusal");
  }

  @Override
  public String name() {
    return "fixed";
  }

  @Override
  public RefusalJudgement judge(String prompt, String response) {
    return new RefusalJudgement(label, reason);
  }
}
