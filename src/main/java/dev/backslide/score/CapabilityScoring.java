package dev.backslide.score;

import dev.backslide.refusal.RefusalDetector;
import dev.backslide.refusal.RefusalJudgement;
import dev.backslide.task.Item;
import java.util.function.Function;

/**
 * What every capability scorer shares: a blank response is {@link Outcome#UNJUDGED}, and an answer
 * that is not correct is {@link Outcome#REFUSED} when the refusal detector labels it a refusal
 * (full or partial), so that a report can tell "forgot" from "won't".
 */
final class CapabilityScoring {
  private CapabilityScoring() {}

  /**
   * @param check compares the response with the item's target; gives CORRECT, WRONG or UNPARSEABLE
   */
  static Score score(
      Item item, String response, RefusalDetector detector, Function<String, Score> check) {
    if (response.isBlank()) {
      return Score.failure(Outcome.UNJUDGED, "empty response");
    }
    Score checked = check.apply(response);
    if (checked.outcome() == Outcome.CORRECT) {
      return checked;
    }
    RefusalJudgement judgement = detector.judge(item.prompt(), response);
    if (!judgement.label().isRefusal()) {
      return checked;
    }
    return Score.failure(
        Outcome.REFUSED,
        "refused (" + detector.name() + ": " + judgement.reason() + "); " + checked.reason());
  }

  /** The item's target, or an error naming the item and what to do. */
  static String target(Item item, String scorer) {
    String target = item.target();
    if (target == null || target.isBlank()) {
      throw new IllegalArgumentException(
          where(item) + " has no target; scorer '" + scorer + "' needs one: add a target");
    }
    return target;
  }

  /** "item q7 (line 12)", for messages. */
  static String where(Item item) {
    return "item " + item.id() + " (line " + item.line() + ")";
  }
}
