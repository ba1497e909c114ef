package dev.backslide.pipeline;

import dev.backslide.config.Settings;
import dev.backslide.config.SettingsLoader;
import dev.backslide.endpoint.ChatEndpoint;
import dev.backslide.endpoint.EndpointSpec;
import dev.backslide.endpoint.OfflineEndpoint;
import dev.backslide.endpoint.Role;
import dev.backslide.task.Axis;
import dev.backslide.task.ChatMessage;
import dev.backslide.task.Generation;
import dev.backslide.task.Item;
import dev.backslide.task.ScorerSpec;
import dev.backslide.task.Task;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

/** Settings and live-endpoint spies for the pipeline's tests. */
final class Pipelines {
  private Pipelines() {}

  /**
   * Settings over {@code dir}: tasks in {@code dir/tasks}, output in {@code dir/out}, the keyword
   * detector (no model to load), then {@code properties}.
   */
  static Settings settings(Path dir, Map<String, String> properties) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("backslide.tasks", dir.resolve("tasks").toString());
    all.put("backslide.output", dir.resolve("out").toString());
    all.put("backslide.refusal.detector", "keyword");
    all.putAll(properties);
    return new SettingsLoader(all, name -> null, dir).load();
  }

  /** Opens nothing: any attempt to reach a live endpoint fails the test. */
  static final LiveEndpoints NONE =
      spec -> {
        throw new AssertionError("a live endpoint was opened: " + spec.describe());
      };

  /** Remembers every spec it is asked to open, then opens it for real or as a stub. */
  static final class Spy implements LiveEndpoints {
    private final List<EndpointSpec> opened = new CopyOnWriteArrayList<>();
    private final LiveEndpoints delegate;

    private Spy(LiveEndpoints delegate) {
      this.delegate = delegate;
    }

    /** Opens real OpenAI-compatible endpoints (the scripted loopback servers). */
    static Spy openAi() {
      return new Spy(LiveEndpoints.openAi());
    }

    /** Opens endpoints that are never called and describe themselves without a network. */
    static Spy stubs() {
      return new Spy(
          spec ->
              new OfflineEndpoint(
                  spec,
                  OfflineEndpoint.describe(spec.url().toString(), spec.model(), "stub"),
                  "stub"));
    }

    @Override
    public ChatEndpoint open(EndpointSpec spec) {
      opened.add(spec);
      return delegate.open(spec);
    }

    List<Role> roles() {
      return opened.stream().map(EndpointSpec::role).toList();
    }

    List<EndpointSpec> opened() {
      return List.copyOf(opened);
    }
  }

  /** A handmade numeric task with {@code items} items "What is i + i?", ids {@code id-i}. */
  static Task task(String id, int items) {
    return new Task(
        id,
        3,
        Axis.CAPABILITY,
        "arithmetic",
        "handmade for the selection tests",
        Generation.DEFAULT,
        new ScorerSpec("numeric", Map.of()),
        IntStream.rangeClosed(1, items)
            .mapToObj(
                i ->
                    new Item(
                        id + "-" + i,
                        List.of(ChatMessage.user("What is " + i + " + " + i + "?")),
                        Integer.toString(2 * i),
                        List.of(),
                        "arithmetic",
                        null,
                        null,
                        i))
            .toList(),
        Path.of("tasks", id + ".yaml"),
        "ab".repeat(32));
  }

  /** A console to read back. */
  static final class Console {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    PrintStream stream() {
      return stream;
    }

    String text() {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }
}
