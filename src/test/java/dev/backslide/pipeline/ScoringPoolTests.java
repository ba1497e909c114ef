package dev.backslide.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backslide.endpoint.EndpointSpec;
import dev.backslide.endpoint.Role;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScoringPoolTests {
  @Test
  void withoutAJudgeThereIsAScoringThreadPerCore() {
    assertThat(ScoringPool.threads(2, null)).isEqualTo(2);
    assertThat(ScoringPool.threads(16, null)).isEqualTo(16);
  }

  @Test
  void withAJudgeThereAreAsManyScoringThreadsAsJudgeCallsMayBeInFlight() {
    assertThat(ScoringPool.threads(2, judge(32))).isEqualTo(32);
    assertThat(ScoringPool.threads(8, judge(4))).isEqualTo(8);
  }

  private static EndpointSpec judge(int concurrency) {
    return new EndpointSpec(
        Role.JUDGE,
        URI.create("http://127.0.0.1:9/v1"),
        "judge-model",
        null,
        concurrency,
        Duration.ofSeconds(5),
        0,
        Duration.ofMillis(10));
  }
}
