package dev.backslide.score;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads which choice letters a multiple-choice response claims. Markdown emphasis and backticks are
 * ignored ("**C**" is "C"). A letter is claimed by:
 *
 * <ul>
 *   <li>the opening of the response: "C", "C.", "C)", "(C)", "[C]", "(C) Paris", "C. Paris", "C -
 *       Paris" (not "C: ...", which may be a transcript's "A:");
 *   <li>an answer phrase: "Answer: C", "The answer is C.", "The correct option is (C) Paris",
 *       "answer: option C", "The best choice would be (b)";
 *   <li>"C is correct", "Option C is the correct answer", "(C) is right";
 *   <li>a response that only lists letters: "B or C", "A, C".
 * </ul>
 *
 * <p>A bare letter anywhere else is not a claim: "I" and "A" are words, and explanations name other
 * options ("Option A is wrong because ..."). Lower-case letters count when bracketed, at the
 * opening, or ending an answer phrase at the end of a line ("the answer is c."). {@link
 * #optionByText} matches a response that is exactly one option's text.
 */
final class ChoiceExtractor {
  private static final String LETTER =
      "(?:[(\\[]([A-Za-z])[)\\]]|([A-Z])(?![\\w'’])|([a-z])(?=[.)]?[ \\t]*(?:\\n|$)))";
  private static final Pattern START_BRACKETED = Pattern.compile("^[(\\[]([A-Za-z])[)\\]]");
  private static final Pattern START_BARE =
      Pattern.compile("^([A-Za-z])(?=[.)]|[ \\t]+[-–—][ \\t]|[ \\t]*(?:\\n|$))");
  private static final Pattern PHRASE =
      Pattern.compile(
          "(?i:\\b(?:answer|option|choice)"
              + "(?:\\s+(?:is|would\\s+be|should\\s+be|will\\s+be)\\b\\s*[:=]?|\\s*[:=]))"
              + "\\s*(?i:(?:option|choice|letter)\\s*)?[:\\-]?\\s*"
              + LETTER);
  private static final Pattern IS_CORRECT =
      Pattern.compile(
          "(?:(?i:option|choice)\\s+)?(?:[(\\[]([A-Za-z])[)\\]]|(?<![\\w'’])([A-Z])(?![\\w'’]))"
              + "\\s+(?i:is\\s+(?:the\\s+)?(?:correct|right))\\b");
  private static final Pattern ENUMERATION =
      Pattern.compile(
          "^[(\\[]?[A-Z][)\\]]?(?:\\s*(?:,|/|&|\\bor\\b|\\band\\b)\\s*[(\\[]?[A-Z][)\\]]?)+\\.?$");
  private static final Pattern ENUMERATED_LETTER = Pattern.compile("(?<![A-Za-z])[A-Z](?![a-z])");
  private static final Pattern PRONOUN = Pattern.compile("^\\s+[a-z]");

  private ChoiceExtractor() {}

  /** Every claim, in the order the response makes them; a letter may be claimed more than once. */
  static List<ChoiceClaim> claims(String response) {
    String text = clean(response);
    List<Positioned> found = new ArrayList<>();
    if (ENUMERATION.matcher(text).matches()) {
      Matcher m = ENUMERATED_LETTER.matcher(text);
      while (m.find()) {
        found.add(new Positioned(m.start(), new ChoiceClaim(m.group().charAt(0), text)));
      }
    }
    collect(START_BRACKETED, text, found);
    collect(START_BARE, text, found);
    collect(PHRASE, text, found);
    collect(IS_CORRECT, text, found);
    return found.stream()
        .sorted(Comparator.comparingInt(Positioned::position))
        .map(Positioned::claim)
        .toList();
  }

  /** The index of the option whose text the whole response is (normalised like exact match). */
  static OptionalInt optionByText(String response, List<String> choices) {
    String answer = AnswerText.normalise(clean(response), false);
    for (int i = 0; i < choices.size(); i++) {
      if (!answer.isEmpty() && answer.equals(AnswerText.normalise(choices.get(i), false))) {
        return OptionalInt.of(i);
      }
    }
    return OptionalInt.empty();
  }

  private static void collect(Pattern pattern, String text, List<Positioned> found) {
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      int group = 1;
      while (m.group(group) == null) {
        group++;
      }
      char letter = m.group(group).charAt(0);
      boolean pronoun = letter == 'I' && PRONOUN.matcher(text.substring(m.end(group))).lookingAt();
      if (!pronoun) {
        found.add(
            new Positioned(
                m.start(group), new ChoiceClaim(Character.toUpperCase(letter), m.group().strip())));
      }
    }
  }

  private static String clean(String response) {
    return response.replace("*", "").replace("`", "").replace("__", "").strip();
  }

  private record Positioned(int position, ChoiceClaim claim) {}
}
