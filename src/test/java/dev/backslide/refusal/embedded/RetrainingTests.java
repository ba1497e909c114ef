package dev.backslide.refusal.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backslide.refusal.eval.LabelledData;
import dev.backslide.refusal.eval.TrainHead;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Retraining the head on the committed training split reproduces the committed weights file: byte
 * for byte on a machine whose ONNX Runtime gives the same embeddings bits (the one that trained
 * it), and otherwise with every weight and bias within {@value #TOLERANCE} relative (at least
 * {@value #TOLERANCE} absolute), with identical header lines (so a change to the data without
 * retraining fails here).
 */
@ExtendWith(SharedDetector.class)
class RetrainingTests {
  static final double TOLERANCE = 1e-3;

  private static final Path PROJECT = Paths.get(System.getProperty("backslide.project.dir", "."));

  @Test
  void retrainingReproducesTheCommittedWeights(EmbeddedRefusalDetector detector)
      throws IOException {
    Path train = PROJECT.resolve(TrainHead.DEFAULT_TRAIN);
    String committed =
        Files.readString(PROJECT.resolve(TrainHead.DEFAULT_OUT), StandardCharsets.UTF_8);

    String retrained =
        TrainHead.headText(
            detector.encoder(),
            LabelledData.read(train),
            TrainHead.DEFAULT_TRAIN,
            TrainHead.sha256(train));

    if (retrained.equals(committed)) {
      return;
    }
    assertThat(headerLines(retrained)).isEqualTo(headerLines(committed));
    SoftmaxHead again = read(retrained);
    SoftmaxHead before = read(committed);
    for (int k = 0; k < SoftmaxHead.LABELS.size(); k++) {
      assertClose(again.bias()[k], before.bias()[k], "bias " + k);
      for (int j = 0; j < before.features(); j++) {
        assertClose(again.weights()[k][j], before.weights()[k][j], "weight " + k + "," + j);
      }
    }
  }

  private static void assertClose(double actual, double expected, String what) {
    double allowed = TOLERANCE * Math.max(1, Math.abs(expected));
    assertThat(Math.abs(actual - expected)).as(what).isLessThanOrEqualTo(allowed);
  }

  private static List<String> headerLines(String text) {
    return text.lines().filter(line -> !line.startsWith("label ")).toList();
  }

  private static SoftmaxHead read(String text) {
    return SoftmaxHead.read(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "weights");
  }
}
