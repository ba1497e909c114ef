package dev.backslide.endpoint.openai;

import static dev.backslide.endpoint.openai.ReplicaFailoverTests.ask;
import static dev.backslide.endpoint.openai.ReplicaFailoverTests.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backslide.endpoint.CallResult;
import dev.backslide.endpoint.EndpointStats;
import dev.backslide.fixture.Reply;
import dev.backslide.fixture.ScriptedChatServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AIMD concurrency against a scripted server that answers 429 above an in-flight cap. */
class AdaptiveConcurrencyTests {
  @Test
  void backsOffToTheServersCapAndAnswersEveryCall() {
    try (var server =
            ScriptedChatServer.start("m").latency(Duration.ofMillis(40)).capInFlight(8, 1);
        var endpoint = new OpenAiChatEndpoint(spec(server.baseUrl(), 32, List.of()), null)) {
      List<CallResult> results = ask(endpoint, 400);
      EndpointStats stats = endpoint.stats();
      assertThat(results).allMatch(CallResult::ok);
      assertThat(endpoint.limits().get(0)).isBetween(6, 12);
      assertThat(stats.status429())
          .as(
              "429s of %d attempts (a client that kept 32 in flight gets most of them)",
              stats.attempts())
          .isLessThan(80);
      assertThat(endpoint.peakInFlight()).isLessThanOrEqualTo(32);
    }
  }

  @Test
  void theConfiguredConcurrencyStaysAHardCapWhileProbingUpward() {
    try (var server = ScriptedChatServer.start("m").latency(Duration.ofMillis(5));
        var endpoint = new OpenAiChatEndpoint(spec(server.baseUrl(), 6, List.of()), null)) {
      List<CallResult> results = ask(endpoint, 300);
      assertThat(results).allMatch(CallResult::ok);
      assertThat(server.peakInFlight()).isLessThanOrEqualTo(6);
      assertThat(endpoint.limits()).containsExactly(6);
    }
  }

  @Test
  void withAdaptationOffItKeepsTheConfiguredConcurrencyDespite429s() {
    try (var server =
            ScriptedChatServer.start("m").latency(Duration.ofMillis(20)).capInFlight(4, 0);
        var endpoint =
            new OpenAiChatEndpoint(
                spec(server.baseUrl(), 8, List.of()).withAdaptive(false, 0), null)) {
      ask(endpoint, 40);
      assertThat(endpoint.limits()).containsExactly(8);
      assertThat(endpoint.stats().status429()).isPositive();
    }
  }

  @Test
  void whenLatencyClimbsUnderAnotherTenantsLoadItLowersWhatItSends() {
    try (var server =
            ScriptedChatServer.start("m")
                .otherwise(Reply.content("ok").after(Duration.ofMillis(30)));
        var endpoint = new OpenAiChatEndpoint(spec(server.baseUrl(), 16, List.of()), null)) {
      server
          .when(call -> call.number() > 120)
          .reply(Reply.content("ok").after(Duration.ofMillis(400)));
      List<CallResult> results = ask(endpoint, 240);
      assertThat(results).allMatch(CallResult::ok);
      assertThat(endpoint.limitDecreases()).isPositive();
      assertThat(endpoint.limits().get(0)).isLessThan(16);
    }
  }
}
