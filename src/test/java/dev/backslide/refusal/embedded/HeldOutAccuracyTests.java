package dev.backslide.refusal.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backslide.refusal.KeywordRefusalDetector;
import dev.backslide.refusal.RefusalJudgement;
import dev.backslide.refusal.eval.Evaluation;
import dev.backslide.refusal.eval.LabelledData;
import dev.backslide.refusal.eval.LabelledResponse;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Guards the figures in {@code src/test/resources/refusal/README.md}: the committed head on the
 * held-out split (whole voice "warm" never seen in training, plus a fixed share of the others).
 */
@ExtendWith(SharedDetector.class)
class HeldOutAccuracyTests {
  private static final Path HELD_OUT =
      Paths.get(System.getProperty("backslide.project.dir", "."))
          .resolve("src/test/resources/refusal/heldout.jsonl");

  private static Evaluation evaluate(
      dev.backslide.refusal.RefusalDetector detector, List<LabelledResponse> rows) {
    List<RefusalJudgement> judged =
        detector.judgeAll(
            rows.stream().map(LabelledResponse::prompt).toList(),
            rows.stream().map(LabelledResponse::response).toList());
    Evaluation evaluation = new Evaluation(detector.name());
    for (int i = 0; i < rows.size(); i++) {
      evaluation.add(rows.get(i).label(), judged.get(i).label());
    }
    return evaluation;
  }

  @Test
  void theDefaultDetectorTellsRefusedFromCompliedInAtLeast95PercentOfHeldOutRows(
      EmbeddedRefusalDetector detector) {
    Evaluation evaluation = evaluate(detector, LabelledData.read(HELD_OUT));

    assertThat(evaluation.binaryAccuracy()).as(evaluation.report()).isGreaterThanOrEqualTo(0.95);
    assertThat(evaluation.accuracy()).as(evaluation.report()).isGreaterThanOrEqualTo(0.90);
  }

  @Test
  void theDefaultDetectorBeatsTheKeywordDetectorOnTheVoiceNeverSeenInTraining(
      EmbeddedRefusalDetector detector) {
    List<LabelledResponse> warm =
        LabelledData.read(HELD_OUT).stream().filter(r -> r.id().startsWith("warm-")).toList();

    Evaluation embedded = evaluate(detector, warm);
    Evaluation keyword = evaluate(KeywordRefusalDetector.defaults(), warm);

    assertThat(warm).hasSizeGreaterThan(100);
    assertThat(embedded.binaryAccuracy())
        .as(embedded.report() + keyword.report())
        .isGreaterThan(keyword.binaryAccuracy())
        .isGreaterThanOrEqualTo(0.93);
  }
}
