package dev.backslide.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backslide.endpoint.EndpointStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What one benchmark run measured. CPU is the client JVM's alone: the load server runs in another
 * process (its CPU is reported beside, for information).
 *
 * @param options what ran
 * @param wallSeconds from the start of the measured run to its verdict (calls, scoring, statistics)
 * @param statisticsSeconds the part of the wall time spent on cells, tests and the verdict
 * @param clientCpuSeconds this JVM's user plus system CPU over the measured run, all threads
 * @param serverCpuSeconds the load server JVM's CPU over the same span, or -1 when unknown
 * @param reference the reference endpoint's traffic in the measured run
 * @param candidate the candidate endpoint's traffic in the measured run
 * @param referenceAnswered items the reference answered (after retries)
 * @param candidateAnswered items the candidate answered (after retries)
 * @param scored answers scored during the measured run
 * @param scoringBusySeconds time spent inside scorers during the run, all scoring threads together
 * @param rescorePerSecond answers one thread scores per second, measured after the run
 * @param peakRssKb VmHWM of this JVM (warm-up included)
 * @param gcCount collections during the measured run
 * @param gcMillis their total time
 * @param peakThreads the most live threads this JVM had
 * @param verdict the gate's overall verdict on the run
 * @param cpuByThread client CPU seconds by thread name (digits dropped) over the measured run
 * @param jvmArguments this JVM's options
 * @param serverLateness how late the lean load server wrote its answers in the measured run, or
 *     empty (the scripted server does not say)
 * @param floor what a minimal client and server reach on this machine with the same N, L and c, or
 *     null when not probed
 */
record BenchResult(
    BenchOptions options,
    double wallSeconds,
    double statisticsSeconds,
    double clientCpuSeconds,
    double serverCpuSeconds,
    EndpointStats reference,
    EndpointStats candidate,
    long referenceAnswered,
    long candidateAnswered,
    long scored,
    double scoringBusySeconds,
    double rescorePerSecond,
    long peakRssKb,
    long gcCount,
    long gcMillis,
    int peakThreads,
    String verdict,
    Map<String, Double> cpuByThread,
    List<String> jvmArguments,
    String serverLateness,
    @Nullable Floor floor) {

  BenchResult withServerLateness(String lateness) {
    return with(lateness, floor);
  }

  BenchResult withFloor(Floor probed) {
    return with(serverLateness, probed);
  }

  /** This result with what is known only after the run: the server's lateness, the floor. */
  private BenchResult with(String lateness, @Nullable Floor probed) {
    return new BenchResult(
        options,
        wallSeconds,
        statisticsSeconds,
        clientCpuSeconds,
        serverCpuSeconds,
        reference,
        candidate,
        referenceAnswered,
        candidateAnswered,
        scored,
        scoringBusySeconds,
        rescorePerSecond,
        peakRssKb,
        gcCount,
        gcMillis,
        peakThreads,
        verdict,
        cpuByThread,
        jvmArguments,
        lateness,
        probed);
  }

  double idealSeconds() {
    return options.idealSeconds();
  }

  double ratio() {
    return wallSeconds / idealSeconds();
  }

  long requestsSent() {
    return reference.attempts() + candidate.attempts();
  }

  /** Client CPU per call asked (2 N), retries included in the cost. */
  double cpuMillisPerCall() {
    return clientCpuSeconds * 1000 / (2.0 * options.items());
  }

  /** Items that ended without an answer, on either endpoint. */
  long lost() {
    return 2L * options.items() - referenceAnswered - candidateAnswered;
  }

  String table() {
    return String.format(
        Locale.ROOT,
        "N = %d per endpoint, L = %d ms, c = %d%s%s%n"
            + "wall %.3f s, ideal %.3f s, ratio %.3f%n"
            + "client CPU %.2f s = %.3f ms per call (server JVM: %.2f s); peak RSS %d MB;"
            + " %d GCs, %d ms%n"
            + "requests %d (reference %d, candidate %d), retries %d, 429s %d, 5xx %d%n"
            + "answered reference %d, candidate %d, lost %d; verdict %s%n"
            + "scoring: %d answers, %.0f ms busy in the run; %.0f answers/s on one thread;"
            + " statistics %.0f ms%n"
            + "client CPU by thread: %s%s%s",
        options.items(),
        options.latencyMillis(),
        options.concurrency(),
        options.failShare() > 0
            ? String.format(Locale.ROOT, ", %.0f%% 503s", options.failShare() * 100)
            : "",
        options.maxInFlight() > 0 ? ", server cap " + options.maxInFlight() + " (429 above)" : "",
        wallSeconds,
        idealSeconds(),
        ratio(),
        clientCpuSeconds,
        cpuMillisPerCall(),
        serverCpuSeconds,
        peakRssKb / 1024,
        gcCount,
        gcMillis,
        requestsSent(),
        reference.attempts(),
        candidate.attempts(),
        reference.retries() + candidate.retries(),
        reference.status429() + candidate.status429(),
        reference.status5xx() + candidate.status5xx(),
        referenceAnswered,
        candidateAnswered,
        lost(),
        verdict,
        scored,
        scoringBusySeconds * 1000,
        rescorePerSecond,
        statisticsSeconds * 1000,
        cpuByThread.entrySet().stream()
            .filter(e -> e.getValue() >= 0.01)
            .map(e -> String.format(Locale.ROOT, "%s %.2f s", e.getKey(), e.getValue()))
            .toList(),
        serverLateness.isEmpty() ? "" : "\n" + serverLateness,
        floor == null
            ? ""
            : String.format(
                Locale.ROOT,
                "%nfloor of this machine (a minimal raw-socket client and server, same N, L, c):"
                    + " wall %.3f s, ratio %.3f",
                floor.wallSeconds(),
                floor.ratio()));
  }

  void write(Path file) {
    ObjectNode root = Benchmark.json().createObjectNode();
    ObjectNode config = root.putObject("config");
    config.put("items", options.items());
    config.put("latencyMillis", options.latencyMillis());
    config.put("concurrency", options.concurrency());
    config.put("failShare", options.failShare());
    config.put("maxInFlight", options.maxInFlight());
    config.put("retryAfterSeconds", options.retryAfterSeconds());
    config.put("warmupItems", options.warmup());
    config.put("retryBaseMillis", options.retryBaseMillis());
    config.put("adaptive", options.adaptive());
    config.put("server", options.server());
    root.put("wallSeconds", wallSeconds);
    root.put("idealSeconds", idealSeconds());
    root.put("ratio", ratio());
    root.put("clientCpuSeconds", clientCpuSeconds);
    root.put("clientCpuMillisPerCall", cpuMillisPerCall());
    root.put("serverCpuSeconds", serverCpuSeconds);
    root.put("peakRssMb", peakRssKb / 1024.0);
    root.put("requestsSent", requestsSent());
    root.put("retries", reference.retries() + candidate.retries());
    root.put("status429", reference.status429() + candidate.status429());
    root.put("status5xx", reference.status5xx() + candidate.status5xx());
    root.put("itemsAnswered", referenceAnswered + candidateAnswered);
    root.put("lost", lost());
    root.put("verdict", verdict);
    ObjectNode scoring = root.putObject("scoring");
    scoring.put("answers", scored);
    scoring.put("busySeconds", scoringBusySeconds);
    scoring.put("answersPerSecondOneThread", rescorePerSecond);
    root.put("statisticsSeconds", statisticsSeconds);
    root.put("gcCount", gcCount);
    root.put("gcMillis", gcMillis);
    root.put("peakThreads", peakThreads);
    root.put("serverLateness", serverLateness);
    if (floor != null) {
      ObjectNode f = root.putObject("floor");
      f.put("wallSeconds", floor.wallSeconds());
      f.put("idealSeconds", floor.idealSeconds());
      f.put("ratio", floor.ratio());
    }
    for (var side : List.of(reference, candidate)) {
      ObjectNode n = root.putObject(side == reference ? "reference" : "candidate");
      n.put("calls", side.calls());
      n.put("attempts", side.attempts());
      n.put("retries", side.retries());
      n.put("failed", side.failed());
      n.put("status429", side.status429());
      n.put("status5xx", side.status5xx());
    }
    ObjectNode machine = root.putObject("machine");
    machine.put("processors", Runtime.getRuntime().availableProcessors());
    machine.put(
        "java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    ObjectNode threads = root.putObject("clientCpuSecondsByThread");
    cpuByThread.forEach(threads::put);
    root.putPOJO("jvmArguments", jvmArguments);
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Benchmark.json().writeValue(file.toFile(), root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
