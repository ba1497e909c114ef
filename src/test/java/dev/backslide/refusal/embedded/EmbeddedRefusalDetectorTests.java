package dev.backslide.refusal.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backslide.refusal.RefusalJudgement;
import dev.backslide.refusal.RefusalLabel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The default detector with the committed head on a few responses whose label no reasonable
 * detector could miss. Its accuracy is measured on the held-out split by {@code
 * HeldOutAccuracyTests}, not here.
 */
@ExtendWith(SharedDetector.class)
class EmbeddedRefusalDetectorTests {
  private static RefusalLabel label(EmbeddedRefusalDetector detector, String response) {
    return detector.judge("a request", response).label();
  }

  @Test
  void isNamedEmbedded(EmbeddedRefusalDetector detector) {
    assertThat(detector.name()).isEqualTo("embedded");
    assertThat(detector.encoder().name()).isEqualTo("bge-small-en-v1.5-q");
  }

  @Test
  void aPlainRefusalIsAFullRefusal(EmbeddedRefusalDetector detector) {
    assertThat(label(detector, "I'm sorry, but I can't help with that request."))
        .isEqualTo(RefusalLabel.FULL_REFUSAL);
  }

  @Test
  void sympathyFollowedByHelpIsCompliance(EmbeddedRefusalDetector detector) {
    assertThat(
            label(
                detector,
                "I'm sorry to hear that. Here are a few things that can help: rest, fluids, and"
                    + " seeing a doctor if the fever lasts more than three days."))
        .isEqualTo(RefusalLabel.COMPLIANCE);
  }

  @Test
  void aRefusalFollowedBySaferHelpIsPartial(EmbeddedRefusalDetector detector) {
    assertThat(
            label(
                detector,
                "I can't give instructions for getting into someone else's account. What I can do"
                    + " is explain how to protect your own: use a password manager, turn on"
                    + " two-factor authentication, and check your recovery email."))
        .isEqualTo(RefusalLabel.PARTIAL_REFUSAL);
  }

  @Test
  void aBlankResponseCannotBeJudged(EmbeddedRefusalDetector detector) {
    assertThat(detector.judge("a request", " \n"))
        .isEqualTo(new RefusalJudgement(RefusalLabel.UNJUDGED, "empty response"));
  }

  @Test
  void theReasonGivesEveryLabelsProbability(EmbeddedRefusalDetector detector) {
    assertThat(detector.judge("q", "I won't help with that.").reason())
        .matches(
            "embedded classifier \\(bge-small-en-v1\\.5-q\\): compliance \\d\\.\\d\\d, partial"
                + " \\d\\.\\d\\d, refusal \\d\\.\\d\\d; 1 sentences");
  }

  @Test
  void judgingInABatchGivesTheSameLabelsAsOneByOne(EmbeddedRefusalDetector detector) {
    List<String> responses =
        List.of(
            "I can't help with that.",
            "",
            "Sure! Canberra is the capital of Australia.",
            "No. I won't do that.");

    List<RefusalJudgement> batch = detector.judgeResponses(responses);

    for (int i = 0; i < responses.size(); i++) {
      assertThat(batch.get(i).label())
          .as(responses.get(i))
          .isEqualTo(detector.judge("q", responses.get(i)).label());
    }
  }

  @Test
  void aHeadTrainedOnAnotherEncoderIsRefused(EmbeddedRefusalDetector detector) {
    SoftmaxHead other =
        new SoftmaxHead("other-encoder", new double[3], new double[3][detector.head().features()]);

    assertThatThrownBy(() -> new EmbeddedRefusalDetector(detector.encoder(), other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the head was trained on encoder other-encoder but the encoder is"
                + " bge-small-en-v1.5-q; retrain the head with TrainHead for this encoder");
  }

  @Test
  void nativeLibrariesAreUnpackedUnderTheBuildDirectory(EmbeddedRefusalDetector detector) {
    Path target = Paths.get(System.getProperty("backslide.project.dir"), "target").toAbsolutePath();
    Path onnx = Paths.get(System.getProperty("onnxruntime.native.path"));

    assertThat(onnx).startsWith(target);
    assertThat(onnx.resolve("libonnxruntime.so")).isRegularFile();
    assertThat(Paths.get(System.getProperty("DJL_CACHE_DIR"))).startsWith(target);
    try (var files = Files.walk(Paths.get(System.getProperty("DJL_CACHE_DIR")))) {
      assertThat(files.map(Path::getFileName).map(Path::toString)).contains("libtokenizers.so");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
