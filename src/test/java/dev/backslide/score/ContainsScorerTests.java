package dev.backslide.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backslide.refusal.KeywordRefusalDetector;
import org.junit.jupiter.api.Test;

class ContainsScorerTests {
  private final ContainsScorer scorer =
      new ContainsScorer(false, KeywordRefusalDetector.defaults());

  private Score score(String target, String response) {
    return scorer.score(Items.withTarget(target), response);
  }

  @Test
  void aResponseContainingTheTargetIsCorrect() {
    assertThat(score("Paris", "The capital of France is Paris, on the Seine."))
        .isEqualTo(Score.success(Outcome.CORRECT, "contains \"Paris\""));
  }

  @Test
  void caseIsIgnoredByDefault() {
    assertThat(score("Paris", "it is PARIS").outcome()).isEqualTo(Outcome.CORRECT);
  }

  @Test
  void aResponseWithoutTheTargetIsWrong() {
    assertThat(score("Paris", "It is Lyon."))
        .isEqualTo(Score.failure(Outcome.WRONG, "does not contain \"Paris\" (case-insensitive)"));
  }

  @Test
  void caseMattersWhenCaseSensitive() {
    ContainsScorer strict = new ContainsScorer(true, FixedDetector.complies());
    assertThat(strict.score(Items.withTarget("Paris"), "it is paris"))
        .isEqualTo(Score.failure(Outcome.WRONG, "does not contain \"Paris\" (case-sensitive)"));
  }

  @Test
  void aRefusalWithoutTheTargetIsRefused() {
    assertThat(score("Paris", "I won't answer that.").outcome()).isEqualTo(Outcome.REFUSED);
  }

  @Test
  void anEmptyResponseIsUnjudged() {
    assertThat(score("Paris", "\n")).isEqualTo(Score.failure(Outcome.UNJUDGED, "empty response"));
  }
}
