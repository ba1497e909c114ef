package dev.backslide.refusal.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoftmaxHeadTests {
  private static final SoftmaxHead HEAD =
      new SoftmaxHead(
          "test-encoder",
          new double[] {0.5, -0.25, 0},
          new double[][] {{1, 0}, {0, 1}, {-1, -1.5e-3}});

  private static SoftmaxHead read(String text) {
    return SoftmaxHead.read(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "head.txt");
  }

  @Test
  void probabilitiesSumToOne() {
    double[] p = HEAD.probabilities(new double[] {0.3, -2});

    assertThat(p[0] + p[1] + p[2]).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void theWeightsFileHasOneLinePerLabelInScientificNotation() {
    assertThat(HEAD.toText(List.of("a comment")))
        .isEqualTo(
            "# a comment\n"
                + "encoder test-encoder\n"
                + "features 2\n"
                + "label compliance 5.000000e-01 1.000000e+00 0.000000e+00\n"
                + "label partial -2.500000e-01 0.000000e+00 1.000000e+00\n"
                + "label refusal 0.000000e+00 -1.000000e+00 -1.500000e-03\n");
  }

  @Test
  void readingWhatWasWrittenGivesTheSameHead() {
    SoftmaxHead again = read(HEAD.toText(List.of()));

    assertThat(again.encoder()).isEqualTo("test-encoder");
    assertThat(again.bias()).containsExactly(HEAD.bias());
    assertThat(again.weights()).isDeepEqualTo(HEAD.weights());
  }

  @Test
  void aLabelLineOutOfOrderIsReportedWithItsLine() {
    assertThatThrownBy(
            () -> read("encoder e\nfeatures 1\nlabel partial 0 1\nlabel compliance 0 1\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "head.txt:3: expected the line of label compliance but found label partial 0 1");
  }

  @Test
  void aLabelLineWithTooFewWeightsIsReportedWithItsLine() {
    assertThatThrownBy(() -> read("encoder e\nfeatures 2\nlabel compliance 0 1\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("head.txt:3: label compliance has 1 weights but the file declares 2 features");
  }

  @Test
  void aFileWithoutAllLabelsIsIncomplete() {
    assertThatThrownBy(() -> read("encoder e\nfeatures 1\nlabel compliance 0 1\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("head.txt is incomplete: it needs an encoder line and one line per label");
  }

  @Test
  void aFeatureVectorOfTheWrongLengthIsRefused() {
    assertThatThrownBy(() -> HEAD.probabilities(new double[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the head expects 2 features but got 3");
  }
}
