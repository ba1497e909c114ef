package dev.backslide.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backslide.fixture.ModelBehaviour;
import dev.backslide.fixture.Reply;
import dev.backslide.fixture.TaskItem;
import dev.backslide.task.Task;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The benchmark's lean load server speaks the OpenAI chat protocol as the benchmark needs it. */
class LoadServerTests {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final List<Task> tasks =
      BenchTasks.load(
          Path.of(System.getProperty("backslide.project.dir", ""))
              .toAbsolutePath()
              .resolve("tasks"),
          20,
          "test");
  private final ModelBehaviour behaviour = ModelBehaviour.faithful(tasks);
  private final TaskItem first = behaviour.items().get(0);

  private LoadServer server(Duration latency, double failShare, int cap) {
    return new LoadServer(List.of("m"), behaviour, latency, failShare, cap, 7);
  }

  @Test
  void listsItsModelAndAnswersEachPromptFaithfullyOnceTheLatencyIsUp() throws Exception {
    LoadServer server = server(Duration.ofMillis(150), 0, 0);
    try (server) {
      String base = server.baseUrls().get(0);
      HttpResponse<String> models =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/models")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(models.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(models.body()).at("/data/0/id").asText()).isEqualTo("m");

      long start = System.nanoTime();
      HttpResponse<String> answer = chat(base, first.prompt()).join();
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(answer.statusCode()).isEqualTo(200);
      JsonNode body = JSON.readTree(answer.body());
      assertThat(body.at("/choices/0/message/content").asText())
          .isEqualTo(((Reply.Completion) behaviour.answer(first)).content());
      assertThat(body.at("/model").asText()).isEqualTo("m");
      assertThat(body.at("/usage/completion_tokens").asInt()).isPositive();
      assertThat(millis).as("answered after the latency, not before").isGreaterThanOrEqualTo(150);
    }
    assertThat(server.lateness().answers()).isEqualTo(1);
  }

  @Test
  void failsTheFirstAttemptOfAChosenPromptWith503AndAnswersTheRetry() throws Exception {
    try (LoadServer server = server(Duration.ZERO, 1.0, 0)) {
      String base = server.baseUrls().get(0);
      assertThat(chat(base, first.prompt()).join().statusCode()).isEqualTo(503);
      assertThat(chat(base, first.prompt()).join().statusCode()).isEqualTo(200);
    }
  }

  @Test
  void answers429WithRetryAfterAtOnceAboveItsInFlightCap() throws Exception {
    try (LoadServer server = server(Duration.ofMillis(600), 0, 1)) {
      String base = server.baseUrls().get(0);
      CompletableFuture<HttpResponse<String>> held = chat(base, first.prompt());
      Thread.sleep(100); // the first request is in flight
      long start = System.nanoTime();
      HttpResponse<String> refused = chat(base, behaviour.items().get(1).prompt()).join();
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(refused.statusCode()).isEqualTo(429);
      assertThat(refused.headers().firstValue("Retry-After")).hasValue("7");
      assertThat(millis).as("a 429 does not wait for the latency").isLessThan(500);
      assertThat(held.join().statusCode()).isEqualTo(200);
    }
  }

  @Test
  void refusesUnknownPromptsAndPaths() throws Exception {
    try (LoadServer server = server(Duration.ZERO, 0, 0)) {
      String base = server.baseUrls().get(0);
      HttpResponse<String> unknown = chat(base, "a prompt no benchmark item has").join();
      assertThat(unknown.statusCode()).isEqualTo(400);
      assertThat(unknown.body()).contains("no benchmark item has this prompt");
      HttpResponse<String> path =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/embeddings")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(path.statusCode()).isEqualTo(404);
    }
  }

  private CompletableFuture<HttpResponse<String>> chat(String base, String prompt) {
    var root = JSON.createObjectNode();
    root.put("model", "m");
    root.putArray("messages").addObject().put("role", "user").put("content", prompt);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "/chat/completions"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(root.toString()))
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }
}
