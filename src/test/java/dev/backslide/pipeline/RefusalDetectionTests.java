package dev.backslide.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backslide.endpoint.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RefusalDetectionTests {
  private static final Map<String, String> ENDPOINTS =
      Map.of(
          "backslide.reference.url", "http://127.0.0.1:9/v1",
          "backslide.reference.model", "ref",
          "backslide.candidate.url", "http://127.0.0.1:9/v1",
          "backslide.candidate.model", "cand");

  @TempDir Path dir;

  @Test
  void withoutAJudgeTheKeywordDetectorScoresAndNoEndpointIsOpened() {
    var detection = RefusalDetection.build(Pipelines.settings(dir, ENDPOINTS), Pipelines.NONE);
    assertThat(detection.scoring()).isSameAs(detection.keyword());
    assertThat(detection.judge()).isNull();
    assertThatThrownBy(detection::judgeSecondOpinion)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no judge is configured");
    detection.closeJudge();
  }

  @Test
  void theJudgeWatchesUnlessItDecides() {
    Pipelines.Spy live = Pipelines.Spy.stubs();
    var watching = RefusalDetection.build(Pipelines.settings(dir, judge(false)), live);
    assertThat(live.roles()).containsExactly(Role.JUDGE);
    assertThat(live.opened().get(0).model()).isEqualTo("judge-model");
    assertThat(watching.scoring().name()).isEqualTo("keyword+judge");
    assertThat(watching.judgeSecondOpinion()).isSameAs(watching.judge());

    var deciding = RefusalDetection.build(Pipelines.settings(dir, judge(true)), live);
    assertThat(deciding.scoring().name()).isEqualTo("judge+keyword");
    assertThat(deciding.judgeSecondOpinion()).isSameAs(deciding.keyword());
  }

  @Test
  void extraRefusalPhrasesAreAddedToTheKeywordDetector() throws IOException {
    Path phrases = dir.resolve("phrases.txt");
    Files.writeString(phrases, "# ours\n  that is not something we do here  \n\n");
    var settings =
        Pipelines.settings(
            dir,
            Map.of(
                "backslide.reference.url", "http://127.0.0.1:9/v1",
                "backslide.reference.model", "ref",
                "backslide.candidate.url", "http://127.0.0.1:9/v1",
                "backslide.candidate.model", "cand",
                "backslide.refusal.keywords", phrases.toString()));
    var detection = RefusalDetection.build(settings, Pipelines.NONE);
    assertThat(detection.keyword().phrases())
        .contains("that is not something we do here")
        .doesNotContain("# ours", "");
    Files.delete(phrases);
    assertThatThrownBy(() -> RefusalDetection.build(settings, Pipelines.NONE))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("cannot read " + phrases);
  }

  private static Map<String, String> judge(boolean decides) {
    return Map.of(
        "backslide.reference.url", "http://127.0.0.1:9/v1",
        "backslide.reference.model", "ref",
        "backslide.candidate.url", "http://127.0.0.1:9/v1",
        "backslide.candidate.model", "cand",
        "backslide.judge.url", "http://127.0.0.1:9/v1",
        "backslide.judge.model", "judge-model",
        "backslide.judge.decides", Boolean.toString(decides));
  }
}
