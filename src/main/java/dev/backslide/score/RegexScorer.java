package dev.backslide.score;

import dev.backslide.refusal.RefusalDetector;
import dev.backslide.task.Item;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Correct when the item's target, a Java regular expression, is found anywhere in the response
 * ({@link Matcher#find()}). Case-insensitive unless {@code caseSensitive}; other flags go inline,
 * for example {@code (?s)} to let "." match line breaks. Scorer type {@code regex}; option {@code
 * caseSensitive} (default false, like {@code exact} and {@code contains}).
 */
public final class RegexScorer implements Scorer {
  private final boolean caseSensitive;
  private final RefusalDetector detector;

  /**
   * @param caseSensitive whether the pattern distinguishes case
   * @param detector labels answers that are not correct as refusals
   */
  public RegexScorer(boolean caseSensitive, RefusalDetector detector) {
    this.caseSensitive = caseSensitive;
    this.detector = Objects.requireNonNull(detector, "detector");
  }

  /**
   * Reasons: {@code found "42" matching /\b42\b/}, {@code no match for /\b42\b/
   * (case-insensitive)}.
   *
   * @throws IllegalArgumentException if the item has no target or it is not a valid pattern
   */
  @Override
  public Score score(Item item, String response) {
    String target = CapabilityScoring.target(item, "regex");
    Pattern pattern;
    try {
      pattern =
          Pattern.compile(
              target, caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          CapabilityScoring.where(item)
              + ": target /"
              + target
              + "/ is not a valid regular expression ("
              + e.getDescription()
              + " near index "
              + e.getIndex()
              + "); escape special characters with \\ or use scorer 'contains'",
          e);
    }
    return CapabilityScoring.score(item, response, detector, r -> check(pattern, r));
  }

  private Score check(Pattern pattern, String response) {
    Matcher m = pattern.matcher(response);
    if (m.find()) {
      return Score.success(
          Outcome.CORRECT,
          "found " + AnswerText.quote(m.group()) + " matching /" + pattern.pattern() + "/");
    }
    String mode = caseSensitive ? " (case-sensitive)" : " (case-insensitive)";
    return Score.failure(Outcome.WRONG, "no match for /" + pattern.pattern() + "/" + mode);
  }
}
