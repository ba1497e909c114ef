package dev.backslide.score;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the final answer number of a response. In order of preference:
 *
 * <ol>
 *   <li>the number right after the last {@code ####} (GSM8K's answer marker) that has one;
 *   <li>the last number inside the last {@code \boxed{...}};
 *   <li>the first number after the last "answer is", "answer:" or "answer =";
 *   <li>the last number anywhere.
 * </ol>
 *
 * <p>A number may carry a sign (also U+2212), a currency sign ($, €, £), thousands separators
 * ("1,234,567"), decimals ("3.14", ".5"), a percent sign (kept as written: "25%" is 25) or be a
 * simple fraction ("3/4", LaTeX {@code \frac{3}{4}}). Digits glued to letters ("H2O", "x2") are not
 * numbers; "COVID-19" gives 19, not -19.
 */
final class NumberExtractor {
  private static final Pattern NUMBER =
      Pattern.compile(
          "(?<![\\w.])(?<sign>[-\\u2212])?(?<currency>[$€£])?(?<sign2>[-\\u2212])?"
              + "(?:(?<number>(?:\\d{1,3}(?:,\\d{3})+(?!\\d)|\\d+)(?:\\.\\d+)?)"
              + "(?:/(?<denominator>[1-9]\\d*)(?!\\d|\\.\\d))?"
              + "|(?<leading>\\.\\d+))"
              + "(?<percent>\\s?%)?");
  private static final Pattern ANSWER =
      Pattern.compile("\\banswer\\s*(?:is\\b\\s*:?|:|=)", Pattern.CASE_INSENSITIVE);
  private static final Pattern FRAC =
      Pattern.compile("\\\\[dt]?frac\\s*\\{\\s*([^{}]*?)\\s*\\}\\s*\\{\\s*([^{}]*?)\\s*\\}");
  private static final Pattern MARKER = Pattern.compile("####[ \\t]*");
  private static final String BOXED = "\\boxed{";

  private NumberExtractor() {}

  static Optional<ExtractedNumber> extract(String response) {
    String text = delatex(response);
    Optional<ExtractedNumber> marked = marked(text);
    if (marked.isPresent()) {
      return marked;
    }
    String boxed = boxed(response);
    if (boxed != null) {
      Optional<ExtractedNumber> found = last(delatex(boxed), "in \\boxed{}");
      if (found.isPresent()) {
        return found;
      }
    }
    Matcher answer = ANSWER.matcher(text);
    int after = -1;
    String phrase = "";
    while (answer.find()) {
      after = answer.end();
      phrase = answer.group();
    }
    if (after >= 0) {
      String where =
          "after \"" + phrase.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip() + "\"";
      Optional<ExtractedNumber> found = first(text.substring(after), where);
      if (found.isPresent()) {
        return found;
      }
    }
    return last(text, "last number in the answer");
  }

  /** The number right after the last "####" that has one; "#### Step 3" headings have none. */
  private static Optional<ExtractedNumber> marked(String text) {
    Matcher marker = MARKER.matcher(text);
    ExtractedNumber found = null;
    while (marker.find()) {
      Matcher m = NUMBER.matcher(text).region(marker.end(), text.length());
      if (m.lookingAt()) {
        found = number(m, "after \"####\"");
      }
    }
    return Optional.ofNullable(found);
  }

  private static Optional<ExtractedNumber> first(String text, String where) {
    Matcher m = NUMBER.matcher(text);
    return m.find() ? Optional.of(number(m, where)) : Optional.empty();
  }

  private static Optional<ExtractedNumber> last(String text, String where) {
    Matcher m = NUMBER.matcher(text);
    int start = -1;
    while (m.find()) {
      start = m.start();
    }
    // only the last match is read: find it again from where it starts
    return start >= 0 && m.find(start) ? Optional.of(number(m, where)) : Optional.empty();
  }

  private static ExtractedNumber number(Matcher m, String where) {
    boolean negative = m.group("sign") != null || m.group("sign2") != null;
    String digits = m.group("number") != null ? m.group("number") : "0" + m.group("leading");
    double value = Double.parseDouble(digits.replace(",", ""));
    if (m.group("denominator") != null) {
      value /= Double.parseDouble(m.group("denominator"));
    }
    return new ExtractedNumber(negative ? -value : value, m.group().strip(), where);
  }

  /** The content of the last {@code \boxed{...}}, braces balanced, or null. */
  private static String boxed(String text) {
    int start = text.lastIndexOf(BOXED);
    if (start < 0) {
      return null;
    }
    int depth = 1;
    int from = start + BOXED.length();
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return text.substring(from, i);
      }
    }
    return null;
  }

  /** LaTeX number spellings as plain text: {@code \frac{3}{4}} as 3/4, {@code 1{,}234} as 1,234. */
  private static String delatex(String text) {
    String fractions = text.contains("frac") ? FRAC.matcher(text).replaceAll("$1/$2") : text;
    return fractions
        .replace("{,}", ",")
        .replace("\\,", ",")
        .replace("\\$", "$")
        .replace("\\%", "%");
  }
}
