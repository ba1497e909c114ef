package dev.backslide.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backslide.refusal.KeywordRefusalDetector;
import dev.backslide.task.Item;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MultipleChoiceScorerTests {
  private final MultipleChoiceScorer scorer =
      new MultipleChoiceScorer(KeywordRefusalDetector.defaults());

  private Score score(String response) {
    return scorer.score(Items.choice("C", "Rome", "Berlin", "Paris", "Madrid"), response);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "C",
        "c",
        "(C)",
        "C)",
        "C.",
        "[C]",
        "C\n\nParis is the capital of France.",
        "C. Paris",
        "(C) Paris",
        "C - Paris",
        "Answer: C",
        "answer:C",
        "The answer is C.",
        "The answer is (C).",
        "The answer is c.",
        "**C**",
        "**Answer: C**",
        "The correct option is (C) Paris",
        "The correct answer is C) Paris",
        "The best choice would be (c) here",
        "Answer: option C",
        "C is correct.",
        "Option C is the correct answer.",
        "Paris",
        "paris.",
        "The answer is Paris",
        "Paris is the capital, so the answer is C. Option A is Rome, option B Berlin."
      })
  void readsTheChosenLetter(String response) {
    assertThat(score(response).outcome()).isEqualTo(Outcome.CORRECT);
  }

  @Test
  void theReasonShowsTheWordsThatChoseTheLetter() {
    assertThat(score("I think the answer is B."))
        .isEqualTo(Score.failure(Outcome.WRONG, "expected C, chose B (\"answer is B\")"));
  }

  @Test
  void theReasonSaysWhenTheOptionTextWasMatched() {
    assertThat(score("Madrid"))
        .isEqualTo(
            Score.failure(Outcome.WRONG, "expected C, chose D (the exact text of option D)"));
  }

  @Test
  void aCorrectChoiceHasAReasonToo() {
    assertThat(score("(C) Paris"))
        .isEqualTo(Score.success(Outcome.CORRECT, "expected C, chose C (\"(C)\")"));
  }

  @Test
  void severalDifferentLettersAreUnparseable() {
    assertThat(score("Answer: A. Actually, the answer is C."))
        .isEqualTo(Score.failure(Outcome.UNPARSEABLE, "claims more than one choice: A, C"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"B or C", "B, C", "(B) and (C)", "B/C"})
  void aListOfLettersIsUnparseable(String response) {
    assertThat(score(response))
        .isEqualTo(Score.failure(Outcome.UNPARSEABLE, "claims more than one choice: B, C"));
  }

  @Test
  void theSameLetterClaimedTwiceIsOneChoice() {
    assertThat(score("C. The answer is C.").outcome()).isEqualTo(Outcome.CORRECT);
  }

  @Test
  void aLetterBeyondTheChoicesIsNotAnAnswer() {
    assertThat(score("The answer is E."))
        .isEqualTo(
            Score.failure(Outcome.UNPARSEABLE, "chose E, which is not one of the choices A-D"));
  }

  @Test
  void aLetterBeyondTheChoicesDoesNotCompeteWithAValidOne() {
    assertThat(score("Answer: E. No wait, the answer is C.").outcome()).isEqualTo(Outcome.CORRECT);
  }

  @Test
  void theArticleAAndThePronounIAreNotChoices() {
    assertThat(score("A city on the Seine, I believe: the answer is C.").outcome())
        .isEqualTo(Outcome.CORRECT);
  }

  @Test
  void thePronounIIsNotChoiceIEvenWhenThereAreNineChoices() {
    Item nine = Items.choice("C", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    assertThat(scorer.score(nine, "Answer: I think it is C, I am sure."))
        .isEqualTo(
            Score.failure(
                Outcome.UNPARSEABLE, "no choice found: no letter A-I and no option's exact text"));
    assertThat(scorer.score(nine, "Answer: I").reason())
        .isEqualTo("expected C, chose I (\"Answer: I\")");
  }

  @Test
  void optionsNamedInAnExplanationAreNotClaims() {
    assertThat(score("Option A is wrong and option B is wrong too.").reason())
        .isEqualTo("no choice found: no letter A-D and no option's exact text");
  }

  @Test
  void noLetterIsUnparseable() {
    assertThat(score("It is the city of light."))
        .isEqualTo(
            Score.failure(
                Outcome.UNPARSEABLE, "no choice found: no letter A-D and no option's exact text"));
  }

  @Test
  void aRefusalIsRefused() {
    assertThat(score("I'm not able to answer quiz questions."))
        .isEqualTo(
            Score.failure(
                Outcome.REFUSED,
                "refused (keyword: starts with refusal phrase \"i'm not able\");"
                    + " no choice found: no letter A-D and no option's exact text"));
  }

  @Test
  void aWrongAnswerThatIsNotARefusalStaysWrong() {
    assertThat(score("B").outcome()).isEqualTo(Outcome.WRONG);
  }

  @Test
  void anEmptyResponseIsUnjudged() {
    assertThat(score(" ")).isEqualTo(Score.failure(Outcome.UNJUDGED, "empty response"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"c", "(C)", "C.", " C "})
  void theTargetMayBeWrittenLikeAnAnswer(String target) {
    assertThat(scorer.score(Items.choice(target, "x", "y", "z"), "C").outcome())
        .isEqualTo(Outcome.CORRECT);
  }

  @Test
  void aTargetBeyondTheChoicesIsRejected() {
    assertThatThrownBy(() -> scorer.score(Items.choice("E", "x", "y"), "A"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "item q1 (line 7): choice target \"E\" is not one of the choices A-B;"
                + " give the letter of the correct option");
  }

  @Test
  void anItemWithoutChoicesIsRejected() {
    assertThatThrownBy(() -> scorer.score(Items.withTarget("A"), "A"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "item q1 (line 7) has no choices; scorer 'choice' needs them:"
                + " add choices, or use scorer 'exact'");
  }
}
