package dev.backslide.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backslide.refusal.KeywordRefusalDetector;
import org.junit.jupiter.api.Test;

class RegexScorerTests {
  private final RegexScorer scorer = new RegexScorer(false, KeywordRefusalDetector.defaults());

  private Score score(String target, String response) {
    return scorer.score(Items.withTarget(target), response);
  }

  @Test
  void aMatchAnywhereIsCorrectAndTheReasonShowsTheMatch() {
    assertThat(score("\\b4[12]\\b", "I believe it is 42 in the end."))
        .isEqualTo(Score.success(Outcome.CORRECT, "found \"42\" matching /\\b4[12]\\b/"));
  }

  @Test
  void caseIsIgnoredByDefault() {
    assertThat(score("paris|lyon", "PARIS").outcome()).isEqualTo(Outcome.CORRECT);
  }

  @Test
  void noMatchIsWrong() {
    assertThat(score("\\b42\\b", "It is 420."))
        .isEqualTo(Score.failure(Outcome.WRONG, "no match for /\\b42\\b/ (case-insensitive)"));
  }

  @Test
  void caseMattersWhenCaseSensitive() {
    RegexScorer strict = new RegexScorer(true, FixedDetector.complies());
    assertThat(strict.score(Items.withTarget("Paris"), "paris"))
        .isEqualTo(Score.failure(Outcome.WRONG, "no match for /Paris/ (case-sensitive)"));
  }

  @Test
  void inlineFlagsWork() {
    assertThat(score("(?s)first.*second", "first\nsecond").outcome()).isEqualTo(Outcome.CORRECT);
  }

  @Test
  void aRefusalIsRefused() {
    assertThat(score("\\d+", "I must decline this request.").outcome()).isEqualTo(Outcome.REFUSED);
  }

  @Test
  void anInvalidPatternIsRejectedNamingTheItemAndWhatToDo() {
    assertThatThrownBy(() -> score("(42", "42"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "item q1 (line 7): target /(42/ is not a valid regular expression"
                + " (Unclosed group near index 3); escape special characters with \\"
                + " or use scorer 'contains'");
  }
}
