package dev.backslide.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backslide.refusal.KeywordRefusalDetector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumericScorerTests {
  private final NumericScorer scorer =
      new NumericScorer(NumericScorer.DEFAULT_TOLERANCE, KeywordRefusalDetector.defaults());

  private Score score(String target, String response) {
    return scorer.score(Items.withTarget(target), response);
  }

  @ParameterizedTest(name = "{1} -> {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          42     | 42
          42     | The answer is 42.
          42     | 6 times 7 is 42
          42     | Natalia sold 48 clips in April and half as many in May. #### 42
          42     | First 40, then add 2: \\boxed{42}
          1234   | In total 1,234 apples.
          1,234  | 1234
          1234567| It is 1,234,567.
          12.5   | It costs $12.50 in total.
          -5     | The temperature fell to -5 degrees.
          -5     | You lose -$5.
          -5     | The result is \u22125
          3.14   | pi is roughly 3.14
          0.5    | about .5
          0.75   | The probability is 3/4.
          3/4    | 0.75
          0.75   | \\boxed{\\frac{3}{4}}
          25     | The discount is 25%.
          25%    | 25
          42     | **42**
          18     | Final answer: 18. (I first thought 20.)
          """)
  void findsTheFinalNumber(String target, String response) {
    assertThat(score(target, response).outcome()).isEqualTo(Outcome.CORRECT);
  }

  @Test
  void theReasonNamesExpectedFoundAndWhereItWasFound() {
    assertThat(score("42", "I think it is 41"))
        .isEqualTo(
            Score.failure(Outcome.WRONG, "expected 42, found 41 (last number in the answer)"));
  }

  @Test
  void theMarkerWinsOverLaterNumbers() {
    assertThat(score("42", "#### 42\nChecked with 6 * 7 = 42 and 2 + 40.").reason())
        .isEqualTo("expected 42, found 42 (after \"####\")");
  }

  @Test
  void aMarkdownHeadingIsNotTheAnswerMarker() {
    assertThat(score("42", "#### Step 3\nSo the total is 42.").reason())
        .isEqualTo("expected 42, found 42 (last number in the answer)");
  }

  @Test
  void boxedWinsOverTheLastNumber() {
    assertThat(score("42", "So \\boxed{42}, checked in 2 steps.").reason())
        .isEqualTo("expected 42, found 42 (in \\boxed{})");
  }

  @Test
  void theAnswerPhraseWinsOverTheLastNumber() {
    assertThat(score("42", "The answer is 42, because 6 x 7 = 42 and not 43.").reason())
        .isEqualTo("expected 42, found 42 (after \"answer is\")");
  }

  @Test
  void numbersAreShownAsWritten() {
    assertThat(score("1234", "That is $1,243.").reason())
        .isEqualTo("expected 1234, found $1,243 (last number in the answer)");
  }

  @Test
  void digitsInsideWordsAreNotNumbers() {
    assertThat(score("19", "COVID-19").outcome()).isEqualTo(Outcome.CORRECT);
    assertThat(score("2", "H2O is water").outcome()).isEqualTo(Outcome.UNPARSEABLE);
  }

  @Test
  void aListWithoutSpacesIsNotAThousandsSeparatedNumber() {
    assertThat(score("3", "1,2,3").outcome()).isEqualTo(Outcome.CORRECT);
  }

  @Test
  void noNumberIsUnparseable() {
    assertThat(score("42", "forty-two"))
        .isEqualTo(Score.failure(Outcome.UNPARSEABLE, "expected 42, found no number"));
  }

  @Test
  void differencesWithinTheToleranceAreCorrect() {
    NumericScorer loose = new NumericScorer(0.01, FixedDetector.complies());
    assertThat(loose.score(Items.withTarget("3.14"), "3.141").outcome()).isEqualTo(Outcome.CORRECT);
    assertThat(loose.score(Items.withTarget("3.14"), "3.16").outcome()).isEqualTo(Outcome.WRONG);
  }

  @Test
  void theDefaultToleranceOnlyAbsorbsFloatingPointNoise() {
    assertThat(score("0.3", "0.30000000001").outcome()).isEqualTo(Outcome.CORRECT);
    assertThat(score("0.3", "0.301").outcome()).isEqualTo(Outcome.WRONG);
  }

  @Test
  void aRefusalIsRefusedNotUnparseable() {
    assertThat(score("42", "I can't help with that."))
        .isEqualTo(
            Score.failure(
                Outcome.REFUSED,
                "refused (keyword: starts with refusal phrase \"i can't\");"
                    + " expected 42, found no number"));
  }

  @Test
  void aCorrectAnswerIsNeverRefused() {
    assertThat(new NumericScorer(0, FixedDetector.refuses()).score(Items.withTarget("42"), "42"))
        .extracting(Score::outcome)
        .isEqualTo(Outcome.CORRECT);
  }

  @Test
  void anEmptyResponseIsUnjudged() {
    assertThat(score("42", "  ")).isEqualTo(Score.failure(Outcome.UNJUDGED, "empty response"));
  }

  @Test
  void aTargetWithoutANumberIsRejectedNamingTheItem() {
    assertThatThrownBy(() -> score("forty-two", "42"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "item q1 (line 7): numeric target \"forty-two\" is not a number;"
                + " write it in digits, e.g. \"42\" or \"3/4\"");
  }

  @Test
  void aMissingTargetIsRejectedNamingTheItem() {
    assertThatThrownBy(() -> score(null, "42"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("item q1 (line 7) has no target; scorer 'numeric' needs one: add a target");
  }

  @Test
  void aNegativeToleranceIsRejected() {
    assertThatThrownBy(() -> new NumericScorer(-1, FixedDetector.complies()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tolerance must be a finite number of at least 0 but was -1.0");
  }
}
