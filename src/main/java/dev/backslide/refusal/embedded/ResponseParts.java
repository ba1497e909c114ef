package dev.backslide.refusal.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a response that the embedded classifier reads, and how long responses are handled.
 *
 * <p>A refusal usually shows in the first sentences, but not always: it may come after a long
 * preamble ("This is an interesting question... With that in mind, I can't help"), and a partial
 * refusal starts with one and then helps anyway. Embedding a whole long response averages all of
 * that away (and the encoder truncates at 512 tokens), so the response is split into sentences (a
 * fenced code block counts as one) and three parts are embedded separately:
 *
 * <ol>
 *   <li><b>opening</b>: the first sentence (where most refusals, and the refusal half of most
 *       partial refusals, are), at most {@value #PART_CHARS} characters;
 *   <li><b>body</b>: the next {@value #BODY_SENTENCES} sentences (what follows a refusal: help, a
 *       lecture, an offer), at most {@value #PART_CHARS} characters; absent for one-sentence
 *       responses;
 *   <li><b>focus</b>: the last sentence after the opening that contains a refusal cue (see {@link
 *       #CUES}) with the sentence after it, so a refusal after a long preamble is seen however late
 *       it comes; without a cue, the last two sentences of a response longer than the opening and
 *       body together; absent otherwise.
 * </ol>
 *
 * <p>So at most three texts of at most {@value #PART_CHARS} characters are embedded per response,
 * whatever its length. The layout was chosen by leave-one-voice-out cross-validation on the
 * training split: a one-sentence opening beat a two-sentence one by 1.5 points of three-way
 * accuracy, because partial refusals and compliant answers often share everything but the first
 * sentence.
 * </ol>
 *
 * <p>Besides the three vectors the head sees {@value #SCALARS} numbers: whether the body and a
 * later cue exist, the length of the response, its sentence count, whether it has code, where the
 * later cue sits and how much text follows it (help after a refusal makes it partial). The cues
 * only choose what to embed; they decide nothing by themselves.
 *
 * @param sentences the response's sentences, in order
 * @param opening the opening part
 * @param body the body part, empty when absent
 * @param focus the focus part, empty when absent
 * @param cueSentence the index of the later cue sentence, or -1
 * @param scalars the {@value #SCALARS} numeric features
 */
public record ResponseParts(
    List<String> sentences,
    String opening,
    String body,
    String focus,
    int cueSentence,
    double[] scalars) {

  /** Sentences in the opening part. */
  public static final int OPENING_SENTENCES = 1;

  /** Sentences in the body part. */
  public static final int BODY_SENTENCES = 4;

  /** The most characters of one part. */
  public static final int PART_CHARS = 400;

  /** How many numeric features there are. */
  public static final int SCALARS = 7;

  /** Lower-case fragments that mark a sentence as a possible refusal. */
  public static final List<String> CUES =
      List.of(
          "can't",
          "cannot",
          "can not",
          "won't",
          "will not",
          "unable",
          "not able",
          "decline",
          "refuse",
          "not comfortable",
          "rather not",
          "not going to",
          "pass on",
          "not willing",
          "not something i",
          "not appropriate",
          "sorry",
          "apolog",
          "instead",
          "specifics",
          "further detail",
          "no further",
          "more detail",
          "leave it",
          "against my",
          "say no");

  private static final Pattern BOUNDARY = Pattern.compile("(?<=[.!?])\\s+|\\s*\\n\\s*");
  private static final Pattern LEAD = Pattern.compile("^(?:[\\s*_#>\\-•\"'(\\[]+|\\d+[.)]\\s+)+");
  private static final Pattern LETTER = Pattern.compile("\\p{L}");
  private static final String FENCE = "```";

  public ResponseParts {
    sentences = List.copyOf(sentences);
    if (scalars.length != SCALARS) {
      throw new IllegalArgumentException(
          "scalars must have " + SCALARS + " values but had " + scalars.length);
    }
  }

  /** Splits {@code response} into its parts. */
  public static ResponseParts of(String response) {
    String text = response.replace('\u2019', '\'').replace('\u2018', '\'').strip();
    List<String> sentences = sentences(text);
    int n = sentences.size();
    String opening = join(sentences, 0, Math.min(OPENING_SENTENCES, n));
    String body =
        n > OPENING_SENTENCES
            ? join(sentences, OPENING_SENTENCES, Math.min(n, OPENING_SENTENCES + BODY_SENTENCES))
            : "";
    int cue = -1;
    for (int i = n - 1; i >= OPENING_SENTENCES; i--) {
      if (hasCue(sentences.get(i))) {
        cue = i;
        break;
      }
    }
    String focus;
    if (cue >= 0) {
      focus = join(sentences, cue, Math.min(n, cue + 2));
    } else if (n > OPENING_SENTENCES + BODY_SENTENCES) {
      focus = join(sentences, Math.max(OPENING_SENTENCES, n - 2), n);
    } else {
      focus = "";
    }
    int afterCue = 0;
    if (cue >= 0) {
      for (int i = cue + 1; i < n; i++) {
        afterCue += sentences.get(i).length();
      }
    }
    double[] scalars = {
      body.isEmpty() ? 0 : 1,
      cue >= 0 ? 1 : 0,
      Math.log1p(text.length()) / 8,
      Math.log1p(n) / 3,
      text.contains(FENCE) ? 1 : 0,
      cue >= 0 ? (double) cue / n : 0,
      Math.log1p(afterCue) / 8
    };
    return new ResponseParts(sentences, opening, body, focus, cue, scalars);
  }

  /** True when {@code sentence} contains one of the {@link #CUES}, case-insensitively. */
  public static boolean hasCue(String sentence) {
    String lower = sentence.toLowerCase(Locale.ROOT);
    for (String cue : CUES) {
      if (lower.contains(cue)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Sentences: split after ".", "!" or "?" and at line breaks; a fenced code block is one sentence;
   * leading list markers and markdown are dropped; pieces with no letter or digit are not
   * sentences.
   */
  static List<String> sentences(String text) {
    List<String> result = new ArrayList<>();
    int from = 0;
    while (from < text.length()) {
      int open = text.indexOf(FENCE, from);
      String prose = open < 0 ? text.substring(from) : text.substring(from, open);
      split(prose, result);
      if (open < 0) {
        break;
      }
      int close = text.indexOf(FENCE, open + FENCE.length());
      int end = close < 0 ? text.length() : close + FENCE.length();
      String code = text.substring(open, end).strip();
      result.add(code.length() > PART_CHARS ? code.substring(0, PART_CHARS) : code);
      from = end;
    }
    if (result.isEmpty() && !text.isBlank()) {
      result.add(text.length() > PART_CHARS ? text.substring(0, PART_CHARS) : text);
    }
    return result;
  }

  private static void split(String prose, List<String> into) {
    for (String piece : BOUNDARY.split(prose)) {
      Matcher lead = LEAD.matcher(piece);
      String body = (lead.lookingAt() ? piece.substring(lead.end()) : piece).strip();
      if (LETTER.matcher(body).find()) {
        into.add(body);
      }
    }
  }

  private static String join(List<String> sentences, int from, int to) {
    StringBuilder text = new StringBuilder();
    for (int i = from; i < to && text.length() < PART_CHARS; i++) {
      if (text.length() > 0) {
        text.append(' ');
      }
      text.append(sentences.get(i));
    }
    return text.length() > PART_CHARS ? text.substring(0, PART_CHARS) : text.toString();
  }
}
