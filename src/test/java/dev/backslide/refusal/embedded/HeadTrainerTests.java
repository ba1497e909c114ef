package dev.backslide.refusal.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeadTrainerTests {
  /** Three clusters, one per label, on a line with a noise-free second feature. */
  private static List<double[]> points() {
    List<double[]> x = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      x.add(new double[] {i % 3 * 2.0 + (i % 5) * 0.1, 1.0});
    }
    return x;
  }

  private static int[] labels() {
    int[] y = new int[30];
    for (int i = 0; i < 30; i++) {
      y[i] = i % 3;
    }
    return y;
  }

  @Test
  void separableClustersAreLearned() {
    SoftmaxHead head = HeadTrainer.DEFAULT.train(points(), labels(), "toy");

    List<double[]> x = points();
    int[] y = labels();
    for (int i = 0; i < x.size(); i++) {
      double[] p = head.probabilities(x.get(i));
      int best = 0;
      for (int k = 1; k < 3; k++) {
        best = p[k] > p[best] ? k : best;
      }
      assertThat(best).as("row %d", i).isEqualTo(y[i]);
    }
  }

  @Test
  void trainingTwiceGivesTheSameWeightsFile() {
    String once = HeadTrainer.DEFAULT.train(points(), labels(), "toy").toText(List.of());
    String twice = HeadTrainer.DEFAULT.train(points(), labels(), "toy").toText(List.of());

    assertThat(twice).isEqualTo(once);
  }

  @Test
  void aConstantFeatureGetsNoWeight() {
    SoftmaxHead head = HeadTrainer.DEFAULT.train(points(), labels(), "toy");

    for (double[] w : head.weights()) {
      assertThat(w[1]).isEqualTo(0.0);
    }
  }

  @Test
  void rowsAndLabelsMustMatch() {
    assertThatThrownBy(() -> HeadTrainer.DEFAULT.train(points(), new int[2], "toy"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("need one label per row and at least one row, got 30 rows, 2 labels");
  }

  @Test
  void settingsAreChecked() {
    assertThatThrownBy(() -> new HeadTrainer(0, 0.1, 0))
        .hasMessage("steps must be at least 1 but was 0");
    assertThatThrownBy(() -> new HeadTrainer(1, 0, 0))
        .hasMessage("learningRate must be above 0 but was 0.0");
    assertThatThrownBy(() -> new HeadTrainer(1, 0.1, -1))
        .hasMessage("l2 must be 0 or more but was -1.0");
  }
}
