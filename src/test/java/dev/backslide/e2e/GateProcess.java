package dev.backslide.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Runs the real gate ({@link GateLauncher}, the same test class {@code mvn test} runs) in a child
 * JVM with the given settings, and collects its exit code, output, summary.json and Allure results
 * directory.
 */
final class GateProcess {
  private final Map<String, String> properties = new LinkedHashMap<>();
  private final Map<String, String> environment = new LinkedHashMap<>();
  private final Path work;

  GateProcess(Path work) {
    this.work = work;
    properties.put("backslide.project.dir", projectDir().toString());
    properties.put("backslide.output", work.resolve("backslide").toString());
    properties.put("allure.results.directory", work.resolve("allure-results").toString());
    properties.put("backslide.retryBaseMillis", "20");
    // the keyword detector keeps most end-to-end runs fast; tests of the default detector unset it
    properties.put("backslide.refusal.detector", "keyword");
  }

  static Path projectDir() {
    return Path.of(System.getProperty("backslide.project.dir", "")).toAbsolutePath();
  }

  GateProcess set(String key, String value) {
    properties.put(key, value);
    return this;
  }

  GateProcess unset(String key) {
    properties.remove(key);
    return this;
  }

  GateProcess env(String name, String value) {
    environment.put(name, value);
    return this;
  }

  GateProcess endpoints(String referenceUrl, String candidateUrl) {
    return set("backslide.reference.url", referenceUrl)
        .set("backslide.reference.model", "ref-model")
        .set("backslide.candidate.url", candidateUrl)
        .set("backslide.candidate.model", "cand-model");
  }

  /** Starts the gate and returns at once; the output goes to {@code gate.log} in the work dir. */
  Process start() throws IOException {
    Files.createDirectories(work);
    return builder().start();
  }

  Outcome run() throws IOException, InterruptedException {
    Files.createDirectories(work);
    Process process = builder().start();
    Path log = work.resolve("gate.log");
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(
          "the gate did not finish in 5 minutes; log: " + Files.readString(log));
    }
    return outcome(process.exitValue());
  }

  Outcome outcome(int exitCode) throws IOException {
    Path log = work.resolve("gate.log");
    String output = Files.readString(log, StandardCharsets.UTF_8);
    Path summary = Path.of(properties.get("backslide.output")).resolve("summary.json");
    JsonNode json = Files.exists(summary) ? new ObjectMapper().readTree(summary.toFile()) : null;
    return new Outcome(exitCode, output, json, work.resolve("allure-results"));
  }

  Path work() {
    return work;
  }

  private ProcessBuilder builder() {
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(classpath);
    properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
    command.add(GateLauncher.class.getName());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.directory(projectDir().toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("BACKSLIDE_"));
    builder.environment().putAll(environment);
    builder.redirectOutput(work.resolve("gate.log").toFile());
    return builder;
  }

  /** What a gate run left behind. */
  record Outcome(int exitCode, String output, @Nullable JsonNode summary, Path allureResults) {
    JsonNode cell(String axis, String category) {
      if (summary == null) {
        throw new AssertionError("no summary.json; output:\n" + output);
      }
      for (JsonNode cell : summary.get("cells")) {
        if (cell.get("axis").asText().equals(axis)
            && cell.get("category").asText().equals(category)) {
          return cell;
        }
      }
      throw new AssertionError(
          "no cell " + axis + "/" + category + " in " + summary.toPrettyString());
    }

    String verdict() {
      if (summary == null) {
        throw new AssertionError("no summary.json; output:\n" + output);
      }
      return summary.get("verdict").asText();
    }
  }
}
