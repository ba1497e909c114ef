package dev.backslide.score.instructions;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Counting words, sentences and relations the way IFEval does. */
final class Text {
  private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern SENTENCE_END =
      Pattern.compile(
          "(?<=[.!?])[\"')\\]]*\\s+(?=[\"'(\\[]?[\\p{Lu}\\p{N}])|(?<=[.!?。！？])\\s*$|(?<=[。！？])");
  private static final Pattern ABBREVIATION =
      Pattern.compile(
          "(?:\\b(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|vs|etc|e\\.g|i\\.e|Inc|Ltd|Co|No|U\\.S|a\\.m|p\\.m)|\\b\\p{Lu})\\.$");

  private Text() {}

  /** Words as IFEval counts them: runs of word characters. */
  static int words(String text) {
    Matcher m = WORD.matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /** Sentences: split after . ! ? followed by space and a capital or digit, not after "Dr." etc. */
  static List<String> sentences(String text) {
    List<String> sentences = new ArrayList<>();
    Matcher m = SENTENCE_END.matcher(text);
    int start = 0;
    StringBuilder pending = new StringBuilder();
    while (m.find()) {
      String piece = text.substring(start, m.start());
      start = m.end();
      pending.append(piece);
      if (ABBREVIATION.matcher(piece.strip()).find()) {
        pending.append(' ');
        continue;
      }
      if (!pending.toString().isBlank()) {
        sentences.add(pending.toString().strip());
      }
      pending.setLength(0);
    }
    pending.append(text.substring(start));
    if (!pending.toString().isBlank()) {
      sentences.add(pending.toString().strip());
    }
    return sentences;
  }

  /** IFEval's relations: "less than" is {@code value < n}, "at least" is {@code value >= n}. */
  static boolean relation(int value, String relation, int n) {
    return relation.equals("less than") ? value < n : value >= n;
  }

  /** Python's {@code str.isupper()}: some cased character, and no lower-case one. */
  static boolean isUpper(String text) {
    boolean cased = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLowerCase(c)) {
        return false;
      }
      cased |= Character.isUpperCase(c);
    }
    return cased;
  }

  /** Python's {@code str.islower()}. */
  static boolean isLower(String text) {
    boolean cased = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isUpperCase(c) || Character.isTitleCase(c)) {
        return false;
      }
      cased |= Character.isLowerCase(c);
    }
    return cased;
  }
}
