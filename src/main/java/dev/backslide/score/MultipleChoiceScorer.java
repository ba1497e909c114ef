package dev.backslide.score;

import dev.backslide.refusal.RefusalDetector;
import dev.backslide.task.Item;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Correct when the response chooses the item's target letter. The item's choices are labelled A, B,
 * C... in order; see {@link ChoiceExtractor} for the answer formats understood ("C", "(C)",
 * "Answer: C", "**C**", "The correct option is (C) Paris", the exact text of one option, ...).
 * Letters beyond the item's choices are not answers. A response that claims several different
 * letters, or none, is {@link Outcome#UNPARSEABLE}. Scorer type {@code choice}; no options.
 */
public final class MultipleChoiceScorer implements Scorer {
  private final RefusalDetector detector;

  /**
   * @param detector labels answers that are not correct as refusals
   */
  public MultipleChoiceScorer(RefusalDetector detector) {
    this.detector = Objects.requireNonNull(detector, "detector");
  }

  /**
   * Reasons: {@code expected C, chose B ("answer is B")}, {@code expected C, chose C (the exact
   * text of option C)}, {@code claims more than one choice: A, C}, {@code chose E, which is not one
   * of the choices A-D}, {@code no choice found: no letter A-D and no option's exact text}.
   *
   * @throws IllegalArgumentException if the item has no choices, or its target is not one of their
   *     letters
   */
  @Override
  public Score score(Item item, String response) {
    int count = item.choices().size();
    if (count == 0) {
      throw new IllegalArgumentException(
          CapabilityScoring.where(item)
              + " has no choices; scorer 'choice' needs them: add choices, or use scorer 'exact'");
    }
    char target = target(item, count);
    return CapabilityScoring.score(item, response, detector, r -> check(item, target, r));
  }

  private Score check(Item item, char target, String response) {
    int count = item.choices().size();
    Map<Character, ChoiceClaim> chosen = new LinkedHashMap<>();
    Set<Character> beyond = new LinkedHashSet<>();
    for (ChoiceClaim claim : ChoiceExtractor.claims(response)) {
      if (claim.letter() - 'A' < count) {
        chosen.putIfAbsent(claim.letter(), claim);
      } else {
        beyond.add(claim.letter());
      }
    }
    if (chosen.size() > 1) {
      return Score.failure(
          Outcome.UNPARSEABLE, "claims more than one choice: " + letters(chosen.keySet()));
    }
    if (chosen.size() == 1) {
      ChoiceClaim claim = chosen.values().iterator().next();
      return verdict(target, claim.letter(), AnswerText.quote(claim.evidence()));
    }
    OptionalInt byText = ChoiceExtractor.optionByText(response, item.choices());
    if (byText.isPresent()) {
      char letter = Item.letter(byText.getAsInt());
      return verdict(target, letter, "the exact text of option " + letter);
    }
    if (!beyond.isEmpty()) {
      return Score.failure(
          Outcome.UNPARSEABLE,
          "chose "
              + letters(beyond)
              + ", which "
              + (beyond.size() == 1 ? "is" : "are")
              + " not one of the choices "
              + range(count));
    }
    return Score.failure(
        Outcome.UNPARSEABLE,
        "no choice found: no letter " + range(count) + " and no option's exact text");
  }

  private static Score verdict(char target, char letter, String evidence) {
    String reason = "expected " + target + ", chose " + letter + " (" + evidence + ")";
    return letter == target
        ? Score.success(Outcome.CORRECT, reason)
        : Score.failure(Outcome.WRONG, reason);
  }

  /** The target letter: "C", "c", "(C)" or "C." all mean C. */
  private static char target(Item item, int count) {
    String raw = CapabilityScoring.target(item, "choice");
    String letter = raw.strip().replaceAll("^[(\\[]|[)\\].]$", "").strip();
    letter = letter.replaceAll("[)\\]]$", "").toUpperCase(Locale.ROOT);
    if (letter.length() != 1 || letter.charAt(0) < 'A' || letter.charAt(0) - 'A' >= count) {
      throw new IllegalArgumentException(
          CapabilityScoring.where(item)
              + ": choice target \""
              + raw
              + "\" is not one of the choices "
              + range(count)
              + "; give the letter of the correct option");
    }
    return letter.charAt(0);
  }

  private static String range(int count) {
    return count == 1 ? "A" : "A-" + Item.letter(count - 1);
  }

  private static String letters(Set<Character> letters) {
    return letters.stream().sorted().map(String::valueOf).collect(Collectors.joining(", "));
  }
}
