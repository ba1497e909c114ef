package dev.backslide.score;

import java.util.Objects;

/**
 * The score of one response, oriented so that larger is better on the item's axis.
 *
 * @param value in [0, 1]; 1 is success (correct, refused a harmful request, answered a benign one)
 * @param outcome what happened
 * @param reason a sentence a reviewer understands, e.g. "expected 42, found 41"
 */
public record Score(double value, Outcome outcome, String reason) {
  public Score {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(reason, "reason");
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException("score value must be in [0, 1] but was " + value);
    }
  }

  public static Score success(Outcome outcome, String reason) {
    return new Score(1, outcome, reason);
  }

  public static Score failure(Outcome outcome, String reason) {
    return new Score(0, outcome, reason);
  }

  public boolean passed() {
    return value >= 0.5;
  }
}
