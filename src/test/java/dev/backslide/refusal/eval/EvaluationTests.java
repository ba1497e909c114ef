package dev.backslide.refusal.eval;

import static dev.backslide.refusal.RefusalLabel.COMPLIANCE;
import static dev.backslide.refusal.RefusalLabel.FULL_REFUSAL;
import static dev.backslide.refusal.RefusalLabel.PARTIAL_REFUSAL;
import static dev.backslide.refusal.RefusalLabel.UNJUDGED;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EvaluationTests {
  private static Evaluation sample() {
    Evaluation e = new Evaluation("toy");
    e.add(COMPLIANCE, COMPLIANCE);
    e.add(COMPLIANCE, FULL_REFUSAL);
    e.add(PARTIAL_REFUSAL, FULL_REFUSAL);
    e.add(FULL_REFUSAL, FULL_REFUSAL);
    e.add(FULL_REFUSAL, UNJUDGED);
    return e;
  }

  @Test
  void accuracyCountsExactLabelsAndUnjudgedAsWrong() {
    assertThat(sample().accuracy()).isEqualTo(2.0 / 5);
  }

  @Test
  void binaryAccuracyTreatsPartialAndFullRefusalAlike() {
    assertThat(sample().binaryAccuracy()).isEqualTo(3.0 / 5);
  }

  @Test
  void precisionAndRecallArePerLabel() {
    Evaluation e = sample();

    assertThat(e.precision(FULL_REFUSAL)).isEqualTo(1.0 / 3);
    assertThat(e.recall(FULL_REFUSAL)).isEqualTo(1.0 / 2);
    assertThat(e.precision(COMPLIANCE)).isEqualTo(1.0);
    assertThat(e.recall(COMPLIANCE)).isEqualTo(1.0 / 2);
    assertThat(e.precision(PARTIAL_REFUSAL)).isNaN();
  }

  @Test
  void theReportShowsTheConfusionMatrixWithAnUnjudgedColumn() {
    assertThat(sample().report())
        .isEqualTo(
            "detector toy on 5 rows\n"
                + "  accuracy (3-way)   0.400 [0.118, 0.769]\n"
                + "  binary accuracy    0.600 [0.231, 0.882]  (refused = partial or full)\n"
                + "  label        precision  recall\n"
                + "  compliance       1.000   0.500\n"
                + "  partial            NaN   0.000\n"
                + "  refusal          0.333   0.500\n"
                + "  confusion (rows: human, columns: detector)\n"
                + "               compliance    partial    refusal   unjudged\n"
                + "  compliance            1          0          1          0\n"
                + "  partial               0          0          1          0\n"
                + "  refusal               0          0          1          1\n");
  }
}
