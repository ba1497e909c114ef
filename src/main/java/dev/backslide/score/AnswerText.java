package dev.backslide.score;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalises short free-text answers so that formatting does not decide correctness: white space
 * collapsed and trimmed, an "Answer:" / "The answer is" / "Final answer:" wrapper removed, markdown
 * bold removed, surrounding quotes, backticks and emphasis stripped, a trailing period dropped, and
 * optionally case folded. Applied to the response and the target alike.
 */
final class AnswerText {
  private static final Pattern SPACE = Pattern.compile("\\s+");
  private static final Pattern WRAPPER =
      Pattern.compile(
          "^(?:the\\s+)?(?:final\\s+|correct\\s+)?answer(?:\\s+is\\b\\s*:?|\\s*:)\\s*",
          Pattern.CASE_INSENSITIVE);
  private static final int EXCERPT = 80;

  private AnswerText() {}

  static String normalise(String text, boolean caseSensitive) {
    String s = SPACE.matcher(text.replace("**", "")).replaceAll(" ").strip();
    String previous;
    do {
      previous = s;
      s = WRAPPER.matcher(s).replaceFirst("");
      s = unwrap(s);
      if (s.endsWith(".") && !s.endsWith("..")) {
        s = s.substring(0, s.length() - 1);
      }
      s = s.strip();
    } while (!s.equals(previous));
    return caseSensitive ? s : s.toLowerCase(Locale.ROOT);
  }

  /** Removes one pair of matching quotes, backticks or emphasis markers around {@code s}. */
  private static String unwrap(String s) {
    if (s.length() < 2) {
      return s;
    }
    char first = s.charAt(0);
    char last = s.charAt(s.length() - 1);
    boolean paired =
        (first == last && "\"'`*_".indexOf(first) >= 0)
            || (first == '“' && last == '”')
            || (first == '‘' && last == '’');
    return paired ? s.substring(1, s.length() - 1) : s;
  }

  /** {@code text} in quotes, shortened to about 80 characters, for reasons. */
  static String quote(String text) {
    String s = SPACE.matcher(text).replaceAll(" ").strip();
    return "\"" + (s.length() > EXCERPT ? s.substring(0, EXCERPT - 1) + "…" : s) + "\"";
  }
}
