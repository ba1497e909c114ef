package dev.backslide.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backslide.task.ChatMessage;
import dev.backslide.task.Generation;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallResultTests {
  private final EndpointSpec candidate =
      new EndpointSpec(
          Role.CANDIDATE,
          URI.create("http://candidate.test/v1"),
          "m",
          null,
          4,
          Duration.ofSeconds(5),
          0,
          Duration.ofMillis(1));

  @Test
  void aCallNeverMadeIsAFailureWithNoAttemptsNamingTheEndpointAndWhy() {
    CallResult result = CallResult.notCalled(candidate, "because reference is down");
    assertThat(result.ok()).isFalse();
    assertThat(result.completion()).isNull();
    assertThat(result.attempts()).isZero();
    assertThat(result.millis()).isZero();
    assertThat(result.replica()).isEqualTo("http://candidate.test/v1");
    assertThat(result.failure())
        .isEqualTo(
            new EndpointFailure(
                Role.CANDIDATE,
                "http://candidate.test/v1",
                FailureKind.NOT_CALLED,
                0,
                null,
                "because reference is down",
                0));
    assertThat(result.failure().message())
        .isEqualTo(
            "candidate endpoint http://candidate.test/v1: not called:"
                + " because reference is down");
  }

  @Test
  void anOfflineEndpointAnswersEveryRequestAsNotCalledWithItsReason() {
    try (var offline =
        new OfflineEndpoint(
            candidate,
            OfflineEndpoint.describe("http://candidate.test/v1", "m", "recorded"),
            "not in baseline baselines/x")) {
      CallResult result =
          offline
              .complete(new ChatRequest(List.of(ChatMessage.user("2 + 2?")), Generation.DEFAULT, 0))
              .join();
      assertThat(result).isEqualTo(CallResult.notCalled(candidate, "not in baseline baselines/x"));
      assertThat(offline.stats()).isEqualTo(new EndpointStats(1, 0, 0, 1, 0, 0));
    }
  }
}
