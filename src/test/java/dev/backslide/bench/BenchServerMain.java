package dev.backslide.bench;

import dev.backslide.fixture.ModelBehaviour;
import dev.backslide.fixture.ScriptedChatServer;
import dev.backslide.task.Task;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's load server, run in its own JVM so that its CPU is not counted as the client's:
 * models {@code reference} and {@code candidate} on two ports of 127.0.0.1, served by the lean
 * {@link LoadServer} or by two {@link ScriptedChatServer}s (SERVER {@code lean} or {@code
 * scripted}), each answering the benchmark's items faithfully after a fixed latency, optionally
 * failing the first attempt of a share of prompts with 503 and answering 429 with {@code
 * Retry-After} above an in-flight cap. Prints both base URLs, one a line, then runs until its
 * standard input closes.
 *
 * <pre>
 * java -cp ... dev.backslide.bench.BenchServerMain TASKS ITEMS WARMUP LATENCY_MS FAIL_SHARE
 *     MAX_IN_FLIGHT RETRY_AFTER_S SERVER
 * </pre>
 */
public final class BenchServerMain {
  /** A line on standard input that forgets the lateness seen so far (the lean server). */
  static final String RESET = "reset";

  /** What starts the line the lean server prints when its standard input closes. */
  static final String LATENESS = "load server lateness: reference: ";

  private BenchServerMain() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 8) {
      System.err.println(
          "usage: BenchServerMain TASKS ITEMS WARMUP LATENCY_MS FAIL_SHARE MAX_IN_FLIGHT"
              + " RETRY_AFTER_S lean|scripted (MAX_IN_FLIGHT 0 for no cap)");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    int items = Integer.parseInt(args[1]);
    int warmup = Integer.parseInt(args[2]);
    Duration latency = Duration.ofMillis(Long.parseLong(args[3]));
    double failShare = Double.parseDouble(args[4]);
    int maxInFlight = Integer.parseInt(args[5]);
    int retryAfter = Integer.parseInt(args[6]);
    List<Task> tasks = new ArrayList<>(BenchTasks.load(dir, items, "bench"));
    if (warmup > 0) {
      tasks.addAll(BenchTasks.load(dir, warmup, "warmup"));
    }
    ModelBehaviour behaviour = ModelBehaviour.faithful(tasks);
    if (args[7].equals("lean")) {
      // a thread per model, as two endpoints would have
      List<LoadServer> lean = new ArrayList<>();
      for (String model : List.of("reference", "candidate")) {
        lean.add(
            new LoadServer(List.of(model), behaviour, latency, failShare, maxInFlight, retryAfter));
      }
      lean.forEach(server -> server.baseUrls().forEach(System.out::println));
      System.out.flush();
      BufferedReader commands =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line = commands.readLine(); line != null; line = commands.readLine()) {
        if (line.equals(RESET)) {
          lean.forEach(LoadServer::resetLateness);
        }
      }
      lean.forEach(LoadServer::close);
      System.out.println(
          LATENESS + lean.get(0).lateness() + "; candidate: " + lean.get(1).lateness());
      System.out.flush();
      System.exit(0);
    }
    List<ScriptedChatServer> servers = new ArrayList<>();
    for (String model : List.of("reference", "candidate")) {
      ScriptedChatServer server = ScriptedChatServer.start(model);
      server.otherwise(behaviour).latency(latency);
      if (failShare > 0) {
        server.failFirstAttemptOf(failShare);
      }
      if (maxInFlight > 0) {
        server.capInFlight(maxInFlight, retryAfter);
      }
      servers.add(server);
      System.out.println(server.baseUrl());
    }
    System.out.flush();
    waitForStandardInput();
    servers.forEach(ScriptedChatServer::close);
    System.exit(0);
  }

  /** Runs until the benchmark closes our standard input (or dies). */
  private static void waitForStandardInput() throws IOException {
    InputStream in = System.in;
    while (in.read() >= 0) {
      // nothing to do
    }
  }
}
