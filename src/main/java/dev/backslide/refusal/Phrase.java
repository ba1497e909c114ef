package dev.backslide.refusal;

import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One keyword of a refusal list, normalised like responses are, with a whole-word matcher: "here
 * is" does not match inside "there is", "but i can" does not match "but i can't" or "but i cannot",
 * while "that said, here" matches "that said, here's".
 */
record Phrase(String text, Pattern pattern) {

  /**
   * @param list the list's name, for messages
   * @param index the entry's position in the list, for messages
   */
  static Phrase of(String raw, String list, int index) {
    String text = normalise(raw).strip();
    if (text.isEmpty()) {
      throw new IllegalArgumentException(
          list + "[" + index + "] is blank; remove it or give a phrase");
    }
    String start = Character.isLetterOrDigit(text.charAt(0)) ? "(?<![\\w'])" : "";
    String end =
        Character.isLetterOrDigit(text.charAt(text.length() - 1)) ? "(?!\\w|'t(?!\\w))" : "";
    return new Phrase(text, Pattern.compile(start + Pattern.quote(text) + end));
  }

  /** The end of the first whole-word occurrence in {@code normalised}, if any. */
  OptionalInt findEnd(String normalised) {
    if (!normalised.contains(text)) {
      return OptionalInt.empty(); // the pattern is the quoted text between look-arounds
    }
    Matcher m = pattern.matcher(normalised);
    return m.find() ? OptionalInt.of(m.end()) : OptionalInt.empty();
  }

  /**
   * Lower case, straight apostrophes and quotes, runs of spaces and tabs as one space; line breaks
   * are kept because they end sentences.
   */
  static String normalise(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    String apostrophes = APOSTROPHES.matcher(lower).replaceAll("'");
    String quotes = QUOTES.matcher(apostrophes).replaceAll("\"");
    return BLANKS.matcher(quotes).replaceAll(" ");
  }

  private static final Pattern APOSTROPHES =
      Pattern.compile("[\\u2018\\u2019\\u02bc\\u0060\\u00b4]");
  private static final Pattern QUOTES = Pattern.compile("[\\u201c\\u201d]");
  private static final Pattern BLANKS = Pattern.compile("[ \\t\\x0B\\f\\r\\u00a0]+");
}
