package dev.backslide.endpoint.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backslide.endpoint.CallResult;
import dev.backslide.endpoint.ChatRequest;
import dev.backslide.endpoint.EndpointSpec;
import dev.backslide.endpoint.Role;
import dev.backslide.fixture.Reply;
import dev.backslide.fixture.ScriptedChatServer;
import dev.backslide.task.ChatMessage;
import dev.backslide.task.Generation;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Several replicas behind one endpoint, against scripted loopback servers. */
class ReplicaFailoverTests {
  static EndpointSpec spec(String url, int concurrency, List<String> replicas) {
    return new EndpointSpec(
            Role.CANDIDATE,
            URI.create(url),
            "m",
            null,
            concurrency,
            Duration.ofSeconds(10),
            5,
            Duration.ofMillis(10))
        .withReplicas(replicas.stream().map(URI::create).toList());
  }

  static List<CallResult> ask(OpenAiChatEndpoint endpoint, int n) {
    List<CompletableFuture<CallResult>> calls = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      calls.add(
          endpoint.complete(
              new ChatRequest(List.of(ChatMessage.user("question " + i)), Generation.DEFAULT, 0)));
    }
    return calls.stream().map(CompletableFuture::join).toList();
  }

  static Map<String, Long> byReplica(List<CallResult> results) {
    return results.stream()
        .collect(Collectors.groupingBy(CallResult::replica, Collectors.counting()));
  }

  @Test
  void requestsAreSpreadOverHealthyReplicasAndEachResultNamesItsReplica() {
    try (var a = ScriptedChatServer.start("m").latency(Duration.ofMillis(20));
        var b = ScriptedChatServer.start("m").latency(Duration.ofMillis(20));
        var endpoint = new OpenAiChatEndpoint(spec(a.baseUrl(), 8, List.of(b.baseUrl())), null)) {
      List<CallResult> results = ask(endpoint, 200);
      assertThat(results).allMatch(CallResult::ok);
      Map<String, Long> counts = byReplica(results);
      assertThat(counts.keySet()).containsExactlyInAnyOrder(a.baseUrl() + "/", b.baseUrl() + "/");
      assertThat(counts.values()).allMatch(n -> n >= 60);
      assertThat(a.peakInFlight() + b.peakInFlight()).isLessThanOrEqualTo(8 + 1);
      assertThat(endpoint.answeredByReplica())
          .containsExactly(counts.get(a.baseUrl() + "/"), counts.get(b.baseUrl() + "/"));
    }
  }

  @Test
  void aReplicaThatKeepsFailingIsTakenOutAndEveryCallIsAnsweredByTheOthers() {
    try (var good = ScriptedChatServer.start("m").latency(Duration.ofMillis(10));
        var bad = ScriptedChatServer.start("m").otherwise(Reply.unavailable());
        var endpoint =
            new OpenAiChatEndpoint(spec(bad.baseUrl(), 4, List.of(good.baseUrl())), null)) {
      List<CallResult> results = ask(endpoint, 100);
      assertThat(results).allMatch(CallResult::ok);
      assertThat(byReplica(results)).containsOnlyKeys(good.baseUrl() + "/");
      assertThat(endpoint.ejections()).isGreaterThanOrEqualTo(1);
      assertThat(bad.calls().size())
          .as("calls to the failing replica after it was taken out")
          .isLessThan(20);
    }
  }

  @Test
  void aReplicaThatCannotBeReachedIsSkippedWhenDescribingAndCalling() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String down = "http://127.0.0.1:" + closedPort + "/v1";
    try (var up = ScriptedChatServer.start("m");
        var endpoint = new OpenAiChatEndpoint(spec(down, 4, List.of(up.baseUrl())), null)) {
      assertThat(endpoint.describe().url()).isEqualTo(up.baseUrl());
      List<CallResult> results = ask(endpoint, 50);
      assertThat(results).allMatch(CallResult::ok);
      assertThat(byReplica(results)).containsOnlyKeys(up.baseUrl() + "/");
    }
  }
}
