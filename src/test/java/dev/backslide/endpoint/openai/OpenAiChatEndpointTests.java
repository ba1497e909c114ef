package dev.backslide.endpoint.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backslide.endpoint.CallResult;
import dev.backslide.endpoint.ChatRequest;
import dev.backslide.endpoint.EndpointSpec;
import dev.backslide.endpoint.EndpointUnavailableException;
import dev.backslide.endpoint.FailureKind;
import dev.backslide.endpoint.Role;
import dev.backslide.fixture.Reply;
import dev.backslide.fixture.ScriptedChatServer;
import dev.backslide.task.ChatMessage;
import dev.backslide.task.Generation;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OpenAI-compatible client against a scripted server on 127.0.0.1, over real HTTP. */
class OpenAiChatEndpointTests {
  private ScriptedChatServer server;
  private final List<OpenAiChatEndpoint> endpoints = new ArrayList<>();

  @BeforeEach
  void startServer() {
    server = ScriptedChatServer.start("m");
  }

  @AfterEach
  void stop() {
    endpoints.forEach(OpenAiChatEndpoint::close);
    server.close();
  }

  private OpenAiChatEndpoint endpoint(
      int concurrency, int retries, Duration timeout, @Nullable String key) {
    var spec =
        new EndpointSpec(
            Role.CANDIDATE,
            URI.create(server.baseUrl()),
            "m",
            key == null ? null : "KEY_VAR",
            concurrency,
            timeout,
            retries,
            Duration.ofMillis(10));
    OpenAiChatEndpoint endpoint = new OpenAiChatEndpoint(spec, key);
    endpoints.add(endpoint);
    return endpoint;
  }

  private OpenAiChatEndpoint endpoint() {
    return endpoint(4, 3, Duration.ofSeconds(10), null);
  }

  private static ChatRequest ask(String prompt) {
    return new ChatRequest(
        List.of(ChatMessage.user(prompt)), new Generation(0.3, 77, 1, null, 40L), 2);
  }

  @Test
  void racesConnectionsToAHostsAddressesOnlyWhenAReplicaIsNamedByAHostName() {
    java.util.function.Function<List<String>, Boolean> fastFallback =
        urls -> {
          var spec =
              new EndpointSpec(
                      Role.CANDIDATE,
                      URI.create(urls.get(0)),
                      "m",
                      null,
                      4,
                      Duration.ofSeconds(5),
                      0,
                      Duration.ofMillis(10))
                  .withReplicas(urls.subList(1, urls.size()).stream().map(URI::create).toList());
          return OpenAiChatEndpoint.fastFallback(spec);
        };
    assertThat(fastFallback.apply(List.of("http://127.0.0.1:8000/v1"))).isFalse();
    assertThat(fastFallback.apply(List.of("http://[::1]:8000/v1", "http://10.0.0.7/v1"))).isFalse();
    assertThat(fastFallback.apply(List.of("http://localhost:8000/v1"))).isTrue();
    assertThat(fastFallback.apply(List.of("https://api.example.com/v1"))).isTrue();
    assertThat(fastFallback.apply(List.of("http://10.0.0.7/v1", "http://gpu-2.internal/v1")))
        .isTrue();
  }

  @Test
  void readsTheAnswerItsFinishReasonAndFingerprintAndSendsTheSamplingParameters() {
    server.otherwise(Reply.content("Paris."));
    CallResult result = endpoint().complete(ask("Capital of France?")).join();
    assertThat(result.ok()).isTrue();
    assertThat(result.completion().content()).isEqualTo("Paris.");
    assertThat(result.completion().finishReason()).isEqualTo("stop");
    assertThat(result.completion().systemFingerprint()).isEqualTo("fp_fixture");
    assertThat(result.attempts()).isEqualTo(1);
    var call = server.calls().get(0);
    assertThat(call.temperature()).isEqualTo(0.3);
    assertThat(call.maxTokens()).isEqualTo(77);
    assertThat(call.seed()).isEqualTo(42L);
  }

  @Test
  void describesItselfFromTheModelsListAndServerHeader() {
    var description = endpoint().describe();
    assertThat(description.servedModels()).containsExactly("m");
    assertThat(description.server()).isEqualTo("fixture/1.0");
    assertThat(description.note()).isNull();
  }

  @Test
  void retries503AndHonoursRetryAfterOn429() {
    server.when(c -> c.attempt() == 1 && c.prompt().equals("a")).reply(Reply.unavailable());
    server.when(c -> c.attempt() == 1 && c.prompt().equals("b")).reply(Reply.rateLimited(1));
    server.otherwise(Reply.content("ok"));
    var endpoint = endpoint();
    long start = System.nanoTime();
    CallResult a = endpoint.complete(ask("a")).join();
    CallResult b = endpoint.complete(ask("b")).join();
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(a.ok()).isTrue();
    assertThat(a.attempts()).isEqualTo(2);
    assertThat(b.ok()).isTrue();
    assertThat(b.attempts()).isEqualTo(2);
    assertThat(millis).isGreaterThanOrEqualTo(900);
    assertThat(endpoint.stats().retries()).isEqualTo(2);
    assertThat(endpoint.stats().status429()).isEqualTo(1);
    assertThat(endpoint.stats().status5xx()).isEqualTo(1);
  }

  @Test
  void aPersistentServerErrorFailsAfterAllRetriesWithTheStatusAndABodyExcerpt() {
    server.otherwise(Reply.status(500, "{\"error\":\"the GPU fell over\"}"));
    CallResult result = endpoint(4, 2, Duration.ofSeconds(10), null).complete(ask("q")).join();
    assertThat(result.ok()).isFalse();
    assertThat(result.failure().kind()).isEqualTo(FailureKind.HTTP_STATUS);
    assertThat(result.failure().status()).isEqualTo(500);
    assertThat(result.attempts()).isEqualTo(3);
    assertThat(result.failure().message())
        .isEqualTo(
            "candidate endpoint "
                + server.baseUrl()
                + ": HTTP 500 after 3 attempts (body:"
                + " {\"error\":\"the GPU fell over\"})");
  }

  @Test
  void malformedJsonAndMissingChoicesAreClassifiedAndNotRetried() {
    server.when(c -> c.prompt().equals("bad")).reply(Reply.malformedJson());
    server.when(c -> c.prompt().equals("none")).reply(Reply.noChoices());
    var endpoint = endpoint();
    CallResult bad = endpoint.complete(ask("bad")).join();
    CallResult none = endpoint.complete(ask("none")).join();
    assertThat(bad.failure().kind()).isEqualTo(FailureKind.MALFORMED_JSON);
    assertThat(bad.attempts()).isEqualTo(1);
    assertThat(none.failure().kind()).isEqualTo(FailureKind.NO_CHOICES);
  }

  @Test
  void emptyAndTruncatedAnswersAreAnswersWithThatNoted() {
    server.when(c -> c.prompt().equals("empty")).reply(Reply.empty());
    server.when(c -> c.prompt().equals("long")).reply(Reply.truncated("It all began"));
    var endpoint = endpoint();
    CallResult empty = endpoint.complete(ask("empty")).join();
    CallResult truncated = endpoint.complete(ask("long")).join();
    assertThat(empty.ok()).isTrue();
    assertThat(empty.completion().content()).isEmpty();
    assertThat(truncated.completion().truncated()).isTrue();
  }

  @Test
  void timeoutsAreRetriedThenReportedAsTimeouts() {
    server.otherwise(Reply.content("slow").after(Duration.ofSeconds(3)));
    CallResult result = endpoint(2, 1, Duration.ofMillis(400), null).complete(ask("q")).join();
    assertThat(result.failure().kind()).isEqualTo(FailureKind.TIMEOUT);
    assertThat(result.attempts()).isEqualTo(2);
  }

  @Test
  void theKeyIsSentAsABearerTokenAndRemovedFromEveryMessage() {
    String key = "sk-unit-secret-77";
    server.otherwise(call -> Reply.status(401, "bad credentials: " + call.authorization()));
    CallResult result = endpoint(1, 0, Duration.ofSeconds(5), key).complete(ask("q")).join();
    assertThat(server.calls().get(0).authorization()).isEqualTo("Bearer " + key);
    assertThat(result.failure().message())
        .doesNotContain(key)
        .contains("Bearer [redacted]")
        .contains("the endpoint refused the key in $KEY_VAR; check it");
  }

  @Test
  void neverHasMoreRequestsInFlightThanItsConcurrency() {
    server.otherwise(Reply.content("ok")).latency(Duration.ofMillis(30));
    var endpoint = endpoint(5, 0, Duration.ofSeconds(10), null);
    List<CompletableFuture<CallResult>> calls = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      calls.add(endpoint.complete(ask("q" + i)));
    }
    calls.forEach(CompletableFuture::join);
    assertThat(calls).allSatisfy(c -> assertThat(c.join().ok()).isTrue());
    assertThat(server.peakInFlight()).isLessThanOrEqualTo(5).isGreaterThanOrEqualTo(4);
  }

  @Test
  void anEndpointThatCannotBeReachedSaysWhichAndWhatToDo() {
    String url = server.baseUrl();
    server.close();
    var spec =
        new EndpointSpec(
            Role.REFERENCE,
            URI.create(url),
            "m",
            null,
            1,
            Duration.ofSeconds(2),
            0,
            Duration.ofMillis(1));
    try (var endpoint = new OpenAiChatEndpoint(spec, null)) {
      assertThatThrownBy(endpoint::describe)
          .isInstanceOf(EndpointUnavailableException.class)
          .hasMessageStartingWith("reference endpoint " + url + " (model m) cannot be reached: ")
          .hasMessageEndingWith(". Start the server or fix backslide.reference.url");
    }
  }
}
