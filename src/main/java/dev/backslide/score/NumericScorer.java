package dev.backslide.score;

import dev.backslide.refusal.RefusalDetector;
import dev.backslide.task.Item;
import java.util.Objects;

/**
 * Correct when the final number of the response is within {@code tolerance} (absolute) of the
 * item's target. How the final number is found: "#### 42", {@code \boxed{42}}, "The answer is 42."
 * and otherwise the last number; thousands separators, currency, signs, decimals, fractions and
 * percentages (as written) are understood. No number is {@link Outcome#UNPARSEABLE}. Scorer type
 * {@code numeric}; option {@code tolerance} (default {@value #DEFAULT_TOLERANCE}).
 */
public final class NumericScorer implements Scorer {
  /** The default absolute tolerance: equal up to floating-point noise. */
  public static final double DEFAULT_TOLERANCE = 1e-9;

  private final double tolerance;
  private final RefusalDetector detector;

  /**
   * @param tolerance the largest absolute difference still correct, at least 0
   * @param detector labels answers that are not correct as refusals
   */
  public NumericScorer(double tolerance, RefusalDetector detector) {
    if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
      throw new IllegalArgumentException(
          "tolerance must be a finite number of at least 0 but was " + tolerance);
    }
    this.tolerance = tolerance;
    this.detector = Objects.requireNonNull(detector, "detector");
  }

  public double tolerance() {
    return tolerance;
  }

  /**
   * Reasons: {@code expected 42, found 41 (last number in the answer)}, {@code expected 42, found
   * 42 (after "####")}, {@code expected 42, found no number}.
   *
   * @throws IllegalArgumentException if the item has no target or its target has no number
   */
  @Override
  public Score score(Item item, String response) {
    String target = CapabilityScoring.target(item, "numeric").strip();
    ExtractedNumber expected =
        NumberExtractor.extract(target)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        CapabilityScoring.where(item)
                            + ": numeric target \""
                            + target
                            + "\" is not a number; write it in digits, e.g. \"42\" or \"3/4\""));
    return CapabilityScoring.score(item, response, detector, r -> check(target, expected, r));
  }

  private Score check(String target, ExtractedNumber expected, String response) {
    return NumberExtractor.extract(response)
        .map(
            found -> {
              String reason =
                  "expected " + target + ", found " + found.text() + " (" + found.where() + ")";
              return Math.abs(found.value() - expected.value()) <= tolerance
                  ? Score.success(Outcome.CORRECT, reason)
                  : Score.failure(Outcome.WRONG, reason);
            })
        .orElseGet(
            () -> Score.failure(Outcome.UNPARSEABLE, "expected " + target + ", found no number"));
  }
}
