package dev.backslide.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backslide.compare.Pair;
import dev.backslide.compare.SampleResult;
import dev.backslide.endpoint.CallResult;
import dev.backslide.endpoint.ChatRequest;
import dev.backslide.endpoint.EndpointDescription;
import dev.backslide.endpoint.Role;
import dev.backslide.input.InvalidInputException;
import dev.backslide.input.Problem;
import dev.backslide.run.EndpointReport;
import dev.backslide.run.Responses;
import dev.backslide.task.Generation;
import dev.backslide.task.Item;
import dev.backslide.task.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A recorded reference run under {@code baselines/<name>/}:
 *
 * <ul>
 *   <li>{@code baseline.json}: when it was recorded, what the endpoint reported about itself (model
 *       ids, server headers, {@code system_fingerprint}s), and per task its version, the sha256 of
 *       its file and its generation parameters;
 *   <li>{@code <task>.jsonl}: one line per item and sample, sorted by item id and sample, with the
 *       full response, its score, outcome and reason, so that {@code git diff} of a re-recording
 *       shows exactly the items that flipped;
 *   <li>{@code <task>.summary.json}: items, samples, rate and outcome counts;
 *   <li>{@code <task>.timings.jsonl}: attempts, milliseconds and replica per line, kept apart so
 *       timings never clutter the diff of the responses.
 * </ul>
 *
 * Compared against, it answers for the reference (and is re-scored with today's scorers); a
 * baseline recorded for another task version, file or generation parameters is refused.
 */
public final class Baseline implements Responses {
  public static final String FILE = "baseline.json";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectMapper LINE = new ObjectMapper();

  private final Path dir;
  private final JsonNode meta;
  private final Map<String, CallResult> responses;

  private Baseline(Path dir, JsonNode meta, Map<String, CallResult> responses) {
    this.dir = dir;
    this.meta = meta;
    this.responses = responses;
  }

  /** Writes the reference side of {@code pairs} as a baseline in {@code dir}. */
  public static void record(
      Path dir,
      EndpointReport reference,
      List<Task> tasks,
      Function<Task, Generation> generation,
      List<Pair> pairs) {
    try {
      Files.createDirectories(dir);
      ObjectNode meta = JSON.createObjectNode();
      meta.put("baseline", 1);
      meta.put("recordedAt", Instant.now().toString());
      ObjectNode endpoint = meta.putObject("endpoint");
      endpoint.put("url", reference.spec().url().toString());
      endpoint.put("model", reference.spec().model());
      EndpointDescription d = reference.description();
      ArrayNode models = endpoint.putArray("models");
      if (d != null) {
        d.servedModels().forEach(models::add);
        endpoint.put("server", d.server());
        ObjectNode headers = endpoint.putObject("headers");
        d.headers().forEach(headers::put);
      }
      ArrayNode fingerprints = endpoint.putArray("systemFingerprints");
      reference.fingerprints().forEach(fingerprints::add);
      ArrayNode taskList = meta.putArray("tasks");
      for (Task task : tasks) {
        ObjectNode t = taskList.addObject();
        t.put("id", task.id());
        t.put("version", task.version());
        t.put("sha256", task.sha256());
        t.set("generation", generation(generation.apply(task)));
        writeTask(dir, task, pairs.stream().filter(p -> p.task() == task).toList());
      }
      JSON.writeValue(dir.resolve(FILE).toFile(), meta);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the baseline " + dir + ": " + e.getMessage(), e);
    }
  }

  private static void writeTask(Path dir, Task task, List<Pair> pairs) throws IOException {
    List<Pair> sorted = new ArrayList<>(pairs);
    sorted.sort(Comparator.comparing(p -> p.item().id()));
    StringBuilder lines = new StringBuilder();
    StringBuilder timings = new StringBuilder();
    Map<String, Integer> outcomes = new java.util.TreeMap<>();
    double sum = 0;
    int scored = 0;
    for (Pair pair : sorted) {
      for (SampleResult sample : pair.reference().samples()) {
        ObjectNode line = LINE.createObjectNode();
        line.put("item", pair.item().id());
        line.put("sample", sample.sample());
        ResponseCodec.write(line, sample.call(), false);
        if (sample.score() != null) {
          line.put("score", sample.score().value());
          line.put("outcome", sample.score().outcome().key());
          line.put("reason", sample.score().reason());
          outcomes.merge(sample.score().outcome().key(), 1, Integer::sum);
          sum += sample.score().value();
          scored++;
        } else {
          outcomes.merge("error", 1, Integer::sum);
        }
        lines.append(LINE.writeValueAsString(line)).append('\n');
        ObjectNode timing = LINE.createObjectNode();
        timing.put("item", pair.item().id());
        timing.put("sample", sample.sample());
        timing.put("attempts", sample.call().attempts());
        timing.put("millis", sample.call().millis());
        timing.put("replica", sample.call().replica());
        timings.append(LINE.writeValueAsString(timing)).append('\n');
      }
    }
    Files.writeString(dir.resolve(task.id() + ".jsonl"), lines, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(task.id() + ".timings.jsonl"), timings, StandardCharsets.UTF_8);
    ObjectNode summary = JSON.createObjectNode();
    summary.put("task", task.id());
    summary.put("version", task.version());
    summary.put("sha256", task.sha256());
    summary.put("items", sorted.size());
    summary.put("samplesScored", scored);
    summary.put("rate", scored == 0 ? 0 : sum / scored);
    ObjectNode counts = summary.putObject("outcomes");
    outcomes.forEach(counts::put);
    JSON.writeValue(dir.resolve(task.id() + ".summary.json").toFile(), summary);
  }

  private static ObjectNode generation(Generation g) {
    ObjectNode node = LINE.createObjectNode();
    node.put("temperature", g.temperature());
    node.put("maxTokens", g.maxTokens());
    node.put("samples", g.samples());
    if (g.system() != null) {
      node.put("system", g.system());
    }
    if (g.seed() != null) {
      node.put("seed", g.seed());
    }
    return node;
  }

  /**
   * Opens a baseline for comparison, refusing it when any task's version, file hash or generation
   * parameters differ from what was recorded.
   *
   * @param shown the baseline path as the user wrote it, for messages
   */
  public static Baseline open(
      Path dir, String shown, List<Task> tasks, Function<Task, Generation> generation) {
    Path metaFile = dir.resolve(FILE);
    if (!Files.isRegularFile(metaFile)) {
      throw new InvalidInputException(
          "the baseline",
          List.of(
              Problem.of(
                  "backslide.reference.baseline",
                  "no baseline at "
                      + shown
                      + " ("
                      + FILE
                      + " is missing); record one with: "
                      + recordCommand(shown, "<url>", "<model>"))));
    }
    try {
      JsonNode meta = JSON.readTree(metaFile.toFile());
      String url = meta.at("/endpoint/url").asText();
      String model = meta.at("/endpoint/model").asText();
      String command = recordCommand(shown, url, model);
      Map<String, JsonNode> recorded = new HashMap<>();
      meta.path("tasks").forEach(t -> recorded.put(t.path("id").asText(), t));
      List<Problem> problems = new ArrayList<>();
      Map<String, CallResult> responses = new HashMap<>();
      for (Task task : tasks) {
        JsonNode r = recorded.get(task.id());
        String where = shown + "/" + FILE;
        if (r == null) {
          problems.add(
              Problem.of(where, "task " + task.id() + " was not recorded; re-record: " + command));
          continue;
        }
        if (r.path("version").asInt() != task.version()) {
          problems.add(
              Problem.of(
                  where,
                  "task "
                      + task.id()
                      + " was recorded at version "
                      + r.path("version").asInt()
                      + " but is now version "
                      + task.version()
                      + "; re-record: "
                      + command));
          continue;
        }
        if (!r.path("sha256").asText().equals(task.sha256())) {
          problems.add(
              Problem.of(
                  where,
                  "task "
                      + task.id()
                      + " changed since it was recorded (sha256 "
                      + abbreviate(r.path("sha256").asText())
                      + " recorded, "
                      + abbreviate(task.sha256())
                      + " now); re-record: "
                      + command));
          continue;
        }
        ObjectNode now = generation(generation.apply(task));
        if (!now.equals(r.path("generation"))) {
          problems.add(
              Problem.of(
                  where,
                  "task "
                      + task.id()
                      + " was recorded with generation parameters "
                      + r.path("generation")
                      + " but this run uses "
                      + now
                      + "; re-record: "
                      + command));
          continue;
        }
        for (String line :
            Files.readAllLines(dir.resolve(task.id() + ".jsonl"), StandardCharsets.UTF_8)) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode node = LINE.readTree(line);
          responses.put(
              task.id() + "|" + node.path("item").asText() + "|" + node.path("sample").asInt(),
              ResponseCodec.read(node, Role.REFERENCE));
        }
      }
      if (!problems.isEmpty()) {
        throw new InvalidInputException("the baseline " + shown, problems);
      }
      return new Baseline(dir, meta, responses);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the baseline " + shown + ": " + e.getMessage(), e);
    }
  }

  private static String abbreviate(String sha) {
    return sha.length() > 12 ? sha.substring(0, 12) : sha;
  }

  /** The documented command that records (or re-records) a baseline. */
  public static String recordCommand(String shown, String url, String model) {
    return "mvn test -Dbackslide.record="
        + shown
        + " -Dbackslide.reference.url="
        + url
        + " -Dbackslide.reference.model="
        + model;
  }

  public String url() {
    return meta.at("/endpoint/url").asText();
  }

  public String model() {
    return meta.at("/endpoint/model").asText();
  }

  public String recordedAt() {
    return meta.path("recordedAt").asText();
  }

  /** What the endpoint reported when the baseline was recorded. */
  public EndpointDescription description() {
    List<String> models = new ArrayList<>();
    meta.at("/endpoint/models").forEach(m -> models.add(m.asText()));
    Map<String, String> headers = new java.util.TreeMap<>();
    meta.at("/endpoint/headers")
        .fields()
        .forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
    JsonNode server = meta.at("/endpoint/server");
    return new EndpointDescription(
        url(),
        model(),
        models,
        server.isTextual() ? server.asText() : null,
        headers,
        "stored reference: baseline " + dir.getFileName() + " recorded " + recordedAt());
  }

  /** The recorded {@code system_fingerprint}s. */
  public List<String> fingerprints() {
    List<String> out = new ArrayList<>();
    meta.at("/endpoint/systemFingerprints").forEach(f -> out.add(f.asText()));
    return out;
  }

  @Override
  public Optional<CallResult> recorded(
      Role role, Task task, Item item, int sample, ChatRequest request) {
    if (role != Role.REFERENCE) {
      return Optional.empty();
    }
    return Optional.ofNullable(responses.get(task.id() + "|" + item.id() + "|" + sample));
  }

  @Override
  public void record(
      Role role, Task task, Item item, int sample, ChatRequest request, CallResult result) {}
}
