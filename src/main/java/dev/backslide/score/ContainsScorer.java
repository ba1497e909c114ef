package dev.backslide.score;

import dev.backslide.refusal.RefusalDetector;
import dev.backslide.task.Item;
import java.util.Locale;
import java.util.Objects;

/**
 * Correct when the response contains the item's target, case-insensitively unless {@code
 * caseSensitive}. Scorer type {@code contains}; option {@code caseSensitive} (default false).
 */
public final class ContainsScorer implements Scorer {
  private final boolean caseSensitive;
  private final RefusalDetector detector;

  /**
   * @param caseSensitive whether "Paris" and "paris" differ
   * @param detector labels answers that are not correct as refusals
   */
  public ContainsScorer(boolean caseSensitive, RefusalDetector detector) {
    this.caseSensitive = caseSensitive;
    this.detector = Objects.requireNonNull(detector, "detector");
  }

  /**
   * Reasons: {@code contains "Paris"}, {@code does not contain "Paris" (case-insensitive)}.
   *
   * @throws IllegalArgumentException if the item has no target
   */
  @Override
  public Score score(Item item, String response) {
    String target = CapabilityScoring.target(item, "contains");
    return CapabilityScoring.score(item, response, detector, r -> check(target, r));
  }

  private Score check(String target, String response) {
    boolean found =
        caseSensitive
            ? response.contains(target)
            : response.toLowerCase(Locale.ROOT).contains(target.toLowerCase(Locale.ROOT));
    String mode = caseSensitive ? " (case-sensitive)" : " (case-insensitive)";
    return found
        ? Score.success(Outcome.CORRECT, "contains " + AnswerText.quote(target))
        : Score.failure(Outcome.WRONG, "does not contain " + AnswerText.quote(target) + mode);
  }
}
