package dev.backslide.refusal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a normalised response into sentences: after ".", "!" or "?" followed by white space, and
 * at line breaks. Leading list markers, markdown and quotes are dropped from each sentence, and
 * pieces without a letter (a lone "1." of a numbered list) are not sentences.
 */
final class Sentences {
  private static final Pattern BOUNDARY = Pattern.compile("(?<=[.!?])\\s+|\\s*\\n\\s*");
  private static final Pattern LEAD = Pattern.compile("^(?:[\\s*_#>\\-•\"'(\\[]+|\\d+[.)]\\s*)+");
  private static final Pattern LETTER = Pattern.compile("\\p{L}");

  /**
   * One sentence.
   *
   * @param text the sentence without its leading markers
   * @param start where {@code text} starts in the response
   * @param end where the sentence ends in the response
   */
  record Sentence(String text, int start, int end) {}

  private Sentences() {}

  static List<Sentence> split(String normalised) {
    List<Sentence> sentences = new ArrayList<>();
    Matcher boundary = BOUNDARY.matcher(normalised);
    int from = 0;
    while (from < normalised.length()) {
      int to = boundary.find(from) ? boundary.start() : normalised.length();
      int next = to < normalised.length() ? boundary.end() : to;
      add(sentences, normalised, from, to);
      if (next <= from) {
        break;
      }
      from = next;
    }
    return List.copyOf(sentences);
  }

  private static void add(List<Sentence> sentences, String text, int from, int to) {
    String piece = text.substring(from, to);
    Matcher lead = LEAD.matcher(piece);
    int skip = lead.lookingAt() ? lead.end() : 0;
    String body = piece.substring(skip).strip();
    if (LETTER.matcher(body).find()) {
      sentences.add(new Sentence(body, from + skip, to));
    }
  }
}
