package dev.backslide.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backslide.refusal.KeywordRefusalDetector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExactMatchScorerTests {
  private final ExactMatchScorer scorer =
      new ExactMatchScorer(false, KeywordRefusalDetector.defaults());

  private Score score(String target, String response) {
    return scorer.score(Items.withTarget(target), response);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "Paris",
        "  paris \n",
        "PARIS",
        "Paris.",
        "\"Paris\"",
        "'Paris'",
        "`Paris`",
        "**Paris**",
        "“Paris”",
        "Answer: Paris",
        "answer:Paris",
        "The answer is Paris.",
        "The answer is: **Paris**",
        "Final answer: Paris",
        "**Answer:** `Paris`."
      })
  void formattingAroundTheAnswerDoesNotMatter(String response) {
    assertThat(score("Paris", response).outcome()).isEqualTo(Outcome.CORRECT);
  }

  @Test
  void whitespaceInsideTheAnswerIsCollapsed() {
    assertThat(score("New York", "New \n  York").outcome()).isEqualTo(Outcome.CORRECT);
  }

  @Test
  void theTargetIsNormalisedLikeTheResponse() {
    assertThat(score("\"Paris.\"", "paris").outcome()).isEqualTo(Outcome.CORRECT);
  }

  @Test
  void aDifferentAnswerIsWrongAndTheReasonShowsBothNormalised() {
    assertThat(score("Paris", "The answer is London."))
        .isEqualTo(
            Score.failure(Outcome.WRONG, "expected \"paris\", found \"london\" (normalised)"));
  }

  @Test
  void moreWordsThanTheTargetAreWrong() {
    assertThat(score("Paris", "The capital is Paris").outcome()).isEqualTo(Outcome.WRONG);
  }

  @Test
  void caseMattersWhenCaseSensitive() {
    ExactMatchScorer strict = new ExactMatchScorer(true, FixedDetector.complies());
    assertThat(strict.score(Items.withTarget("Paris"), "paris"))
        .isEqualTo(
            Score.failure(Outcome.WRONG, "expected \"Paris\", found \"paris\" (normalised)"));
    assertThat(strict.score(Items.withTarget("Paris"), "**Paris**.").outcome())
        .isEqualTo(Outcome.CORRECT);
  }

  @Test
  void onlyAWrapperIsUnparseable() {
    assertThat(score("Paris", "Answer:"))
        .isEqualTo(
            Score.failure(
                Outcome.UNPARSEABLE, "expected \"paris\", found nothing after normalising"));
  }

  @Test
  void longAnswersAreShortenedInTheReason() {
    assertThat(score("Paris", "word ".repeat(40)).reason())
        .isEqualTo(
            "expected \"paris\", found \""
                + "word ".repeat(16).substring(0, 79)
                + "…\" (normalised)");
  }

  @Test
  void aRefusalIsRefused() {
    assertThat(score("Paris", "I'm sorry, but I cannot assist with that."))
        .isEqualTo(
            Score.failure(
                Outcome.REFUSED,
                "refused (keyword: starts with \"i'm sorry\" then refusal phrase \"i cannot\");"
                    + " expected \"paris\", found \"i'm sorry, but i cannot assist with that\""
                    + " (normalised)"));
  }

  @Test
  void anEmptyResponseIsUnjudged() {
    assertThat(score("Paris", "")).isEqualTo(Score.failure(Outcome.UNJUDGED, "empty response"));
  }

  @Test
  void aMissingTargetIsRejectedNamingTheItem() {
    assertThatThrownBy(() -> score(" ", "Paris"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("item q1 (line 7) has no target; scorer 'exact' needs one: add a target");
  }
}
