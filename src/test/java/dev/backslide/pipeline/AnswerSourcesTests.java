package dev.backslide.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backslide.config.Settings;
import dev.backslide.endpoint.CallResult;
import dev.backslide.endpoint.ChatEndpoint;
import dev.backslide.endpoint.ChatRequest;
import dev.backslide.endpoint.EndpointDescription;
import dev.backslide.endpoint.EndpointSpec;
import dev.backslide.endpoint.EndpointStats;
import dev.backslide.endpoint.OfflineEndpoint;
import dev.backslide.endpoint.Role;
import dev.backslide.task.Task;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which endpoints each mode opens live, and which answer stores it consults. */
class AnswerSourcesTests {
  private static final String REFERENCE_URL = "http://127.0.0.1:9/ref/v1";
  private static final String CANDIDATE_URL = "http://127.0.0.1:9/cand/v1";

  @TempDir Path dir;
  private final List<Task> tasks = List.of(Pipelines.task("arith", 6));
  private final Pipelines.Console console = new Pipelines.Console();

  private Settings settings(String... more) {
    Map<String, String> properties = new LinkedHashMap<>();
    for (int i = 0; i < more.length; i += 2) {
      properties.put(more[i], more[i + 1]);
    }
    return Pipelines.settings(dir, properties);
  }

  private Settings liveSettings(String runId, String... more) {
    String[] all = new String[more.length + 10];
    String[] endpoints = {
      "backslide.reference.url", REFERENCE_URL,
      "backslide.reference.model", "ref-model",
      "backslide.candidate.url", CANDIDATE_URL,
      "backslide.candidate.model", "cand-model",
      "backslide.runId", runId
    };
    System.arraycopy(endpoints, 0, all, 0, endpoints.length);
    System.arraycopy(more, 0, all, endpoints.length, more.length);
    return settings(all);
  }

  private AnswerSources open(Settings settings, LiveEndpoints live) {
    return AnswerSources.open(
        settings, Sides.choose(settings, tasks), tasks, tasks, console.stream(), live);
  }

  @Test
  void aLiveRunOpensBothSidesAndTheCacheWhenItIsOn() {
    Settings settings = liveSettings("r1", "backslide.cache", "true");
    var live = Pipelines.Spy.stubs();
    try (var sources = open(settings, live)) {
      assertThat(live.roles()).containsExactly(Role.REFERENCE, Role.CANDIDATE);
      assertThat(sources.reference().spec()).isEqualTo(settings.reference());
      assertThat(sources.candidate().spec()).isEqualTo(settings.candidate());
    }
    assertThat(console.text())
        .contains("[backslide] response cache on: " + dir.resolve("out").resolve("cache"));
    assertThat(dir.resolve("out/runs/r1/journal.jsonl")).isRegularFile();
  }

  @Test
  void recordingABaselineNeverOpensTheCandidate() {
    Settings settings =
        settings(
            "backslide.record",
            dir.resolve("baselines/ref").toString(),
            "backslide.reference.url",
            REFERENCE_URL,
            "backslide.reference.model",
            "ref-model");
    var live = Pipelines.Spy.stubs();
    try (var sources = open(settings, live)) {
      assertThat(live.roles()).containsExactly(Role.REFERENCE);
      assertThat(sources.candidate()).isInstanceOf(OfflineEndpoint.class);
      assertThat(sources.candidate().spec().model()).isEqualTo("none (recording a baseline)");
      assertThat(sources.candidate().describe().note())
          .isEqualTo("not asked: recording a baseline");
    }
  }

  @Test
  void reScoringOpensNoLiveEndpointNorTheCacheAndTakesTheSidesFromTheJournal() {
    open(liveSettings("r1"), Pipelines.Spy.stubs()).close();
    Settings settings = settings("backslide.rescore", "r1", "backslide.cache", "true");
    try (var sources = open(settings, Pipelines.NONE)) {
      for (ChatEndpoint side : List.of(sources.reference(), sources.candidate())) {
        assertThat(side).isInstanceOf(OfflineEndpoint.class);
        assertThat(side.describe().note()).isEqualTo("not in the journal of run r1");
      }
      assertThat(sources.reference().spec().url()).hasToString(REFERENCE_URL);
      assertThat(sources.reference().spec().model()).isEqualTo("ref-model");
      assertThat(sources.candidate().spec().url()).hasToString(CANDIDATE_URL);
      assertThat(sources.candidate().spec().model()).isEqualTo("cand-model");
    }
    assertThat(console.text()).doesNotContain("response cache");
  }

  @Test
  void mergingShardsOpensNoLiveEndpointAndNamesEveryShardsJournal() {
    for (String run : List.of("s1", "s2")) {
      open(liveSettings(run), Pipelines.Spy.stubs()).close();
    }
    Settings settings = settings("backslide.merge", "s1,s2", "backslide.runId", "merged");
    try (var sources = open(settings, Pipelines.NONE)) {
      assertThat(sources.candidate().describe().note())
          .isEqualTo("not in the journal of run s1, s2");
      assertThat(sources.candidate().spec().model()).isEqualTo("cand-model");
    }
  }

  @Test
  void whenTheCandidateCannotBeOpenedTheReferenceIsClosedAgain() {
    List<Closing> opened = new ArrayList<>();
    LiveEndpoints live =
        spec -> {
          if (spec.role() == Role.CANDIDATE) {
            throw new IllegalStateException("the candidate cannot be opened");
          }
          Closing endpoint = new Closing(spec);
          opened.add(endpoint);
          return endpoint;
        };
    assertThatThrownBy(() -> open(liveSettings("r1"), live))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the candidate cannot be opened");
    assertThat(opened).singleElement().satisfies(e -> assertThat(e.closed).isTrue());
  }

  /** An endpoint that is never called and remembers being closed. */
  private static final class Closing implements ChatEndpoint {
    private final OfflineEndpoint offline;
    private boolean closed;

    Closing(EndpointSpec spec) {
      this.offline =
          new OfflineEndpoint(
              spec, OfflineEndpoint.describe(spec.url().toString(), spec.model(), "t"), "t");
    }

    @Override
    public EndpointSpec spec() {
      return offline.spec();
    }

    @Override
    public EndpointDescription describe() {
      return offline.describe();
    }

    @Override
    public CompletableFuture<CallResult> complete(ChatRequest request) {
      return offline.complete(request);
    }

    @Override
    public EndpointStats stats() {
      return offline.stats();
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
