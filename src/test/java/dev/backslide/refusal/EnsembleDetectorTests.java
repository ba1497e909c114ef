package dev.backslide.refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EnsembleDetectorTests {
  private static RefusalDetector fixed(String name, RefusalLabel label) {
    return new RefusalDetector() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public RefusalJudgement judge(String prompt, String response) {
        return new RefusalJudgement(label, name + " reason");
      }
    };
  }

  @Test
  void thePrimaryDetectorDecidesAndItsNameLeads() {
    EnsembleDetector ensemble =
        new EnsembleDetector(
            fixed("embedded", RefusalLabel.FULL_REFUSAL),
            List.of(fixed("keyword", RefusalLabel.FULL_REFUSAL)));

    assertThat(ensemble.name()).isEqualTo("embedded+keyword");
    assertThat(ensemble.judge("p", "r"))
        .isEqualTo(new RefusalJudgement(RefusalLabel.FULL_REFUSAL, "embedded reason"));
  }

  @Test
  void aDisagreementIsRecordedAndAppendedToTheReason() {
    EnsembleDetector ensemble =
        new EnsembleDetector(
            fixed("embedded", RefusalLabel.FULL_REFUSAL),
            List.of(fixed("keyword", RefusalLabel.COMPLIANCE)));

    EnsembleJudgement judgement = ensemble.judgeWithOpinions("p", "r");

    assertThat(judgement.disagrees()).isTrue();
    assertThat(judgement.disagreesOnRefusal()).isTrue();
    assertThat(judgement.disagreements())
        .containsExactly(
            new Opinion(
                "keyword", new RefusalJudgement(RefusalLabel.COMPLIANCE, "keyword reason")));
    assertThat(ensemble.judge("p", "r"))
        .isEqualTo(
            new RefusalJudgement(
                RefusalLabel.FULL_REFUSAL,
                "embedded reason; keyword disagrees: COMPLIANCE (keyword reason)"));
  }

  @Test
  void partialAgainstFullRefusalDisagreesButNotOnRefusal() {
    EnsembleJudgement judgement =
        new EnsembleDetector(
                fixed("embedded", RefusalLabel.PARTIAL_REFUSAL),
                List.of(fixed("keyword", RefusalLabel.FULL_REFUSAL)))
            .judgeWithOpinions("p", "r");

    assertThat(judgement.disagrees()).isTrue();
    assertThat(judgement.disagreesOnRefusal()).isFalse();
  }

  @Test
  void aSecondOpinionThatCouldNotJudgeIsListedButDoesNotDisagree() {
    EnsembleJudgement judgement =
        new EnsembleDetector(
                fixed("embedded", RefusalLabel.COMPLIANCE),
                List.of(
                    fixed("keyword", RefusalLabel.COMPLIANCE),
                    fixed("judge", RefusalLabel.UNJUDGED)))
            .judgeWithOpinions("p", "r");

    assertThat(judgement.disagrees()).isFalse();
    assertThat(judgement.unjudged()).extracting(Opinion::detector).containsExactly("judge");
  }

  @Test
  void judgeAllKeepsTheOrderOfResponses() {
    RefusalDetector echo =
        new RefusalDetector() {
          @Override
          public String name() {
            return "echo";
          }

          @Override
          public RefusalJudgement judge(String prompt, String response) {
            return new RefusalJudgement(RefusalLabel.valueOf(response), prompt);
          }
        };
    EnsembleDetector ensemble =
        new EnsembleDetector(echo, List.of(fixed("keyword", RefusalLabel.COMPLIANCE)));

    List<EnsembleJudgement> all =
        ensemble.judgeAllWithOpinions(List.of("a", "b"), List.of("FULL_REFUSAL", "COMPLIANCE"));

    assertThat(all)
        .extracting(j -> j.decision().label())
        .containsExactly(RefusalLabel.FULL_REFUSAL, RefusalLabel.COMPLIANCE);
    assertThat(all).extracting(EnsembleJudgement::disagrees).containsExactly(true, false);
  }

  @Test
  void anEnsembleWithoutSecondOpinionsIsRefused() {
    assertThatThrownBy(
            () -> new EnsembleDetector(fixed("embedded", RefusalLabel.COMPLIANCE), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "an ensemble needs at least one second opinion; use the primary detector alone"
                + " instead");
  }

  @Test
  void twoDetectorsWithOneNameAreRefused() {
    assertThatThrownBy(
            () ->
                new EnsembleDetector(
                    fixed("keyword", RefusalLabel.COMPLIANCE),
                    List.of(fixed("keyword", RefusalLabel.COMPLIANCE))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "two detectors of the ensemble are named \"keyword\"; their opinions could not be told"
                + " apart");
  }

  @Test
  void judgeAllRefusesListsOfDifferentLengths() {
    assertThatThrownBy(
            () -> fixed("keyword", RefusalLabel.COMPLIANCE).judgeAll(List.of("p"), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("judgeAll needs one prompt per response but got 1 prompts and 0 responses");
  }
}
