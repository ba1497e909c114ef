package dev.backslide.refusal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DisagreementTallyTests {
  private static EnsembleJudgement judgement(RefusalLabel primary, RefusalLabel... others) {
    List<String> names = List.of("keyword", "judge");
    List<Opinion> opinions = new java.util.ArrayList<>();
    for (int i = 0; i < others.length; i++) {
      opinions.add(new Opinion(names.get(i), new RefusalJudgement(others[i], "r")));
    }
    return new EnsembleJudgement(
        new Opinion("embedded", new RefusalJudgement(primary, "r")), opinions);
  }

  @Test
  void countsDisagreementsInTotalAndPerDetector() {
    DisagreementTally tally = new DisagreementTally();
    tally.add(
        judgement(RefusalLabel.FULL_REFUSAL, RefusalLabel.FULL_REFUSAL, RefusalLabel.UNJUDGED));
    tally.add(
        judgement(
            RefusalLabel.FULL_REFUSAL, RefusalLabel.COMPLIANCE, RefusalLabel.PARTIAL_REFUSAL));
    tally.add(judgement(RefusalLabel.COMPLIANCE, RefusalLabel.COMPLIANCE, RefusalLabel.COMPLIANCE));

    assertThat(tally.judged()).isEqualTo(3);
    assertThat(tally.disagreements()).isEqualTo(1);
    assertThat(tally.refusalDisagreements()).isEqualTo(1);
    assertThat(tally.disagreementsByDetector()).isEqualTo(Map.of("keyword", 1L, "judge", 1L));
    assertThat(tally.refusalDisagreementsByDetector()).isEqualTo(Map.of("keyword", 1L));
    assertThat(tally.unjudgedByDetector()).isEqualTo(Map.of("judge", 1L));
  }
}
