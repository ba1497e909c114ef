package dev.backslide.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backslide.compare.Pairs;
import dev.backslide.endpoint.CallResult;
import dev.backslide.endpoint.ChatRequest;
import dev.backslide.endpoint.Completion;
import dev.backslide.endpoint.EndpointDescription;
import dev.backslide.endpoint.EndpointFailure;
import dev.backslide.endpoint.EndpointSpec;
import dev.backslide.endpoint.FailureKind;
import dev.backslide.endpoint.Role;
import dev.backslide.task.Axis;
import dev.backslide.task.ChatMessage;
import dev.backslide.task.Generation;
import dev.backslide.task.Item;
import dev.backslide.task.Task;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResponseCacheTests {
  @TempDir Path dir;
  private final Task task = Pairs.task("t", Axis.CAPABILITY);
  private final Item item = Pairs.item("i", "x", null);
  private final ChatRequest request =
      new ChatRequest(
          List.of(ChatMessage.user("What is 2 + 2?")), new Generation(0.7, 64, 3, null, 5L), 1);
  private final CallResult answer =
      CallResult.success(new Completion("4", "stop", "fp_1", "m"), 1, 12, "r");

  private static ResponseCache cache(Path dir, String url, String model, List<String> models) {
    EndpointSpec spec =
        new EndpointSpec(
            Role.REFERENCE,
            URI.create(url),
            model,
            null,
            4,
            Duration.ofSeconds(5),
            0,
            Duration.ofMillis(1));
    EndpointDescription description =
        new EndpointDescription(url, model, models, "vllm", Map.of(), null);
    return new ResponseCache(
        dir, Map.of(Role.REFERENCE, spec), Map.of(Role.REFERENCE, description));
  }

  @Test
  void aRecordedAnswerIsFoundAgainForTheSameRequest() {
    var cache = cache(dir, "http://a/v1", "m", List.of("m"));
    assertThat(cache.recorded(Role.REFERENCE, task, item, 1, request)).isEmpty();
    cache.record(Role.REFERENCE, task, item, 1, request, answer);
    var again =
        cache(dir, "http://a/v1", "m", List.of("m"))
            .recorded(Role.REFERENCE, task, item, 1, request);
    assertThat(again).isPresent();
    assertThat(again.get().completion()).isEqualTo(answer.completion());
  }

  @Test
  void anyChangedPartOfTheKeyMisses() {
    cache(dir, "http://a/v1", "m", List.of("m"))
        .record(Role.REFERENCE, task, item, 1, request, answer);
    assertThat(
            cache(dir, "http://b/v1", "m", List.of("m"))
                .recorded(Role.REFERENCE, task, item, 1, request))
        .isEmpty();
    assertThat(
            cache(dir, "http://a/v1", "m2", List.of("m"))
                .recorded(Role.REFERENCE, task, item, 1, request))
        .isEmpty();
    assertThat(
            cache(dir, "http://a/v1", "m", List.of("m", "updated"))
                .recorded(Role.REFERENCE, task, item, 1, request))
        .isEmpty();
    var same = cache(dir, "http://a/v1", "m", List.of("m"));
    for (ChatRequest changed :
        List.of(
            new ChatRequest(List.of(ChatMessage.user("What is 2 + 3?")), request.generation(), 1),
            new ChatRequest(request.messages(), new Generation(0.8, 64, 3, null, 5L), 1),
            new ChatRequest(request.messages(), new Generation(0.7, 65, 3, null, 5L), 1),
            new ChatRequest(request.messages(), new Generation(0.7, 64, 3, null, 6L), 1),
            new ChatRequest(request.messages(), request.generation(), 2))) {
      assertThat(same.recorded(Role.REFERENCE, task, item, 1, changed))
          .as(changed.toString())
          .isEmpty();
    }
  }

  @Test
  void failuresAreNeverCached() {
    var cache = cache(dir, "http://a/v1", "m", List.of("m"));
    var failure =
        CallResult.failed(
            new EndpointFailure(
                Role.REFERENCE, "http://a/v1", FailureKind.HTTP_STATUS, 503, "", "", 6),
            1,
            "r");
    cache.record(Role.REFERENCE, task, item, 1, request, failure);
    assertThat(cache.recorded(Role.REFERENCE, task, item, 1, request)).isEmpty();
  }
}
