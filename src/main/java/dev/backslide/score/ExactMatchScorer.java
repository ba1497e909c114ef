package dev.backslide.score;

import dev.backslide.refusal.RefusalDetector;
import dev.backslide.task.Item;
import java.util.Objects;

/**
 * Correct when the response equals the item's target after both are normalised: white space
 * collapsed and trimmed, case folded unless {@code caseSensitive}, surrounding quotes, backticks
 * and markdown bold stripped, a trailing period dropped, and an "Answer: X" or "The answer is X"
 * wrapper removed. Scorer type {@code exact}; option {@code caseSensitive} (default false).
 */
public final class ExactMatchScorer implements Scorer {
  private final boolean caseSensitive;
  private final RefusalDetector detector;

  /**
   * @param caseSensitive whether "Paris" and "paris" differ
   * @param detector labels answers that are not correct as refusals
   */
  public ExactMatchScorer(boolean caseSensitive, RefusalDetector detector) {
    this.caseSensitive = caseSensitive;
    this.detector = Objects.requireNonNull(detector, "detector");
  }

  /**
   * Reasons show both sides normalised: {@code expected "paris", found "london" (normalised)}.
   *
   * @throws IllegalArgumentException if the item has no target
   */
  @Override
  public Score score(Item item, String response) {
    String target = AnswerText.normalise(CapabilityScoring.target(item, "exact"), caseSensitive);
    return CapabilityScoring.score(item, response, detector, r -> check(target, r));
  }

  private Score check(String target, String response) {
    String found = AnswerText.normalise(response, caseSensitive);
    if (found.isEmpty()) {
      return Score.failure(
          Outcome.UNPARSEABLE,
          "expected " + AnswerText.quote(target) + ", found nothing after normalising");
    }
    String reason =
        "expected "
            + AnswerText.quote(target)
            + ", found "
            + AnswerText.quote(found)
            + " (normalised)";
    return found.equals(target)
        ? Score.success(Outcome.CORRECT, reason)
        : Score.failure(Outcome.WRONG, reason);
  }
}
