package dev.backslide.refusal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a normalised response into sentences: after ".", "!" or "?" followed by white space, and
 * at line breaks. Leading list markers, markdown and quotes are dropped from each sentence; pieces
 * without a letter (a lone "1." of a numbered list) and lines inside fenced code blocks are not
 * sentences, so quoted code such as {@code print("I can't")} is not read as the model speaking.
 */
final class Sentences {
  private static final Pattern BOUNDARY = Pattern.compile("(?<=[.!?])\\s+|\\s*\\n\\s*");
  private static final Pattern LEAD = Pattern.compile("^(?:[\\s*_#>\\-•\"'(\\[]+|\\d+[.)]\\s*)+");
  private static final String FENCE = "```";
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
    List<int[]> code = fences(normalised);
    Matcher boundary = BOUNDARY.matcher(normalised);
    int from = 0;
    while (from < normalised.length()) {
      int to = boundary.find(from) ? boundary.start() : normalised.length();
      int next = to < normalised.length() ? boundary.end() : to;
      add(sentences, normalised, from, to, code);
      if (next <= from) {
        break;
      }
      from = next;
    }
    return List.copyOf(sentences);
  }

  private static void add(
      List<Sentence> sentences, String text, int from, int to, List<int[]> code) {
    String piece = text.substring(from, to);
    Matcher lead = LEAD.matcher(piece);
    int skip = lead.lookingAt() ? lead.end() : 0;
    String body = piece.substring(skip).strip();
    int start = from + skip;
    boolean inCode = code.stream().anyMatch(range -> start >= range[0] && start < range[1]);
    if (!inCode && LETTER.matcher(body).find()) {
      sentences.add(new Sentence(body, start, to));
    }
  }

  /** The [start, end) ranges of fenced code blocks; an unclosed fence runs to the end. */
  private static List<int[]> fences(String text) {
    List<int[]> ranges = new ArrayList<>();
    int open = text.indexOf(FENCE);
    while (open >= 0) {
      int close = text.indexOf(FENCE, open + FENCE.length());
      int end = close < 0 ? text.length() : close + FENCE.length();
      ranges.add(new int[] {open, end});
      open = close < 0 ? -1 : text.indexOf(FENCE, end);
    }
    return ranges;
  }
}
