package dev.backslide.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backslide.endpoint.CallResult;
import dev.backslide.endpoint.ChatRequest;
import dev.backslide.endpoint.Role;
import dev.backslide.input.InvalidInputException;
import dev.backslide.input.Problem;
import dev.backslide.run.Responses;
import dev.backslide.task.Item;
import dev.backslide.task.Task;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The run journal: {@code target/backslide/runs/<run-id>/journal.jsonl}. Its first line describes
 * the run (endpoints, tasks with versions and hashes); every later line is one response, appended
 * and flushed to the operating system as it arrives and before it is scored, so a killed process
 * loses at most the requests that were in flight. The file is forced to disk at least once a second
 * and on close. Reopening a journal resumes its run: responses already in it are not asked again; a
 * half-written last line is dropped with a warning, never parsed as garbage.
 */
public final class Journal implements Responses, AutoCloseable {
  public static final String FILE = "journal.jsonl";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final Map<String, CallResult> done = new ConcurrentHashMap<>();
  private final OutputStream out;
  private final FileChannel channel;
  private long lastForce = System.nanoTime();
  private final int resumed;

  private Journal(Path file, OutputStream out, FileChannel channel, Map<String, CallResult> done) {
    this.file = file;
    this.out = out;
    this.channel = channel;
    this.done.putAll(done);
    this.resumed = done.size();
  }

  /** The journal directory of {@code runId} under {@code runs}. */
  public static Path directory(Path runs, String runId) {
    return runs.resolve(runId);
  }

  /**
   * Opens the journal of a run: creates it with its header, or, if it exists, reads it back for a
   * resume after checking that the tasks have not changed.
   *
   * @param warnings where a dropped half-written line is reported
   */
  public static Journal open(Path dir, ObjectNode header, List<Task> tasks, PrintStream warnings) {
    Path file = dir.resolve(FILE);
    try {
      Files.createDirectories(dir);
      Map<String, CallResult> done = new HashMap<>();
      if (Files.exists(file) && Files.size(file) > 0) {
        done = readBack(file, tasks, warnings);
      } else {
        Files.writeString(file, JSON.writeValueAsString(header) + "\n", StandardCharsets.UTF_8);
      }
      FileChannel channel =
          FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
      OutputStream out = java.nio.channels.Channels.newOutputStream(channel);
      return new Journal(file, out, channel, done);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot open the run journal " + file + ": " + e.getMessage(), e);
    }
  }

  /** The run's header: endpoints and tasks, checked again on resume. */
  public static ObjectNode header(
      String runId,
      dev.backslide.endpoint.EndpointSpec reference,
      dev.backslide.endpoint.EndpointSpec candidate,
      List<Task> tasks) {
    ObjectNode header = JSON.createObjectNode();
    header.put("journal", 1);
    header.put("runId", runId);
    header.put("started", java.time.Instant.now().toString());
    header
        .putObject("reference")
        .put("url", reference.url().toString())
        .put("model", reference.model());
    header
        .putObject("candidate")
        .put("url", candidate.url().toString())
        .put("model", candidate.model());
    ArrayNode list = header.putArray("tasks");
    for (Task t : tasks) {
      list.addObject().put("id", t.id()).put("version", t.version()).put("sha256", t.sha256());
    }
    return header;
  }

  private static Map<String, CallResult> readBack(Path file, List<Task> tasks, PrintStream warnings)
      throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String text = new String(bytes, StandardCharsets.UTF_8);
    int end = text.lastIndexOf('\n') + 1;
    if (end < text.length()) {
      warnings.println(
          "[backslide] WARNING: "
              + file
              + ": the last line was cut off by the interruption ("
              + (text.length() - end)
              + " characters); dropped, its item will be asked again");
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
        channel.truncate(text.substring(0, end).getBytes(StandardCharsets.UTF_8).length);
      }
      text = text.substring(0, end);
    }
    String[] lines = text.split("\n");
    JsonNode header = JSON.readTree(lines[0]);
    checkTasks(file, header, tasks);
    Map<String, CallResult> done = new HashMap<>();
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      JsonNode line;
      try {
        line = JSON.readTree(lines[i]);
      } catch (JsonProcessingException e) {
        throw new InvalidInputException(
            "the run journal",
            List.of(
                new Problem(
                    file.toString(), i + 1, 1, "not a journal line: " + e.getOriginalMessage())));
      }
      Role role = Role.valueOf(line.path("role").asText().toUpperCase(java.util.Locale.ROOT));
      CallResult result = ResponseCodec.read(line, role);
      String key =
          key(
              role,
              line.path("task").asText(),
              line.path("item").asText(),
              line.path("sample").asInt());
      if (result.ok()) {
        done.put(key, result);
      }
    }
    return done;
  }

  private static void checkTasks(Path file, JsonNode header, List<Task> tasks) {
    Map<String, JsonNode> recorded = new HashMap<>();
    header.path("tasks").forEach(t -> recorded.put(t.path("id").asText(), t));
    List<Problem> problems = new ArrayList<>();
    for (Task task : tasks) {
      JsonNode r = recorded.get(task.id());
      if (r == null) {
        problems.add(
            Problem.of(
                file.toString(),
                "task "
                    + task.id()
                    + " is not part of this run; resume with the tasks it started with, or start a new run"));
      } else if (r.path("version").asInt() != task.version()
          || !r.path("sha256").asText().equals(task.sha256())) {
        problems.add(
            Problem.of(
                file.toString(),
                "task "
                    + task.id()
                    + " changed since the run started (version "
                    + r.path("version").asInt()
                    + " -> "
                    + task.version()
                    + ", sha256 "
                    + r.path("sha256").asText().substring(0, 12)
                    + " -> "
                    + task.sha256().substring(0, 12)
                    + "); answers to the old items cannot be reused: start a new run"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("the run journal", problems);
    }
  }

  /** Reads the header of the journal in {@code dir}: what a re-scoring needs to know. */
  public static JsonNode readHeader(Path dir) {
    Path file = dir.resolve(FILE);
    try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
      return JSON.readTree(lines.findFirst().orElse("{}"));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the run journal " + file + ": " + e.getMessage(), e);
    }
  }

  static String key(Role role, String task, String item, int sample) {
    return role.key() + "|" + task + "|" + item + "|" + sample;
  }

  /** How many responses the journal held when it was opened. */
  public int resumed() {
    return resumed;
  }

  public Path file() {
    return file;
  }

  @Override
  public Optional<CallResult> recorded(
      Role role, Task task, Item item, int sample, ChatRequest request) {
    return Optional.ofNullable(done.get(key(role, task.id(), item.id(), sample)));
  }

  @Override
  public void record(
      Role role, Task task, Item item, int sample, ChatRequest request, CallResult result) {
    ObjectNode line = JSON.createObjectNode();
    line.put("role", role.key());
    line.put("task", task.id());
    line.put("item", item.id());
    line.put("sample", sample);
    ResponseCodec.write(line, result, true);
    byte[] bytes;
    try {
      bytes = (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode a journal line", e);
    }
    synchronized (this) {
      try {
        out.write(bytes);
        out.flush();
        long now = System.nanoTime();
        if (now - lastForce > 1_000_000_000L) {
          channel.force(false);
          lastForce = now;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot append to the run journal " + file, e);
      }
    }
    if (result.ok()) {
      done.put(key(role, task.id(), item.id(), sample), result);
    }
  }

  @Override
  public synchronized void close() {
    try {
      channel.force(false);
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the run journal " + file, e);
    }
  }
}
