package dev.backslide.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.backslide.compare.CellAssembler;
import dev.backslide.compare.Cells;
import dev.backslide.compare.EndpointErrors;
import dev.backslide.compare.Pair;
import dev.backslide.config.Sampling;
import dev.backslide.endpoint.EndpointSpec;
import dev.backslide.endpoint.EndpointStats;
import dev.backslide.endpoint.Role;
import dev.backslide.endpoint.openai.OpenAiChatEndpoint;
import dev.backslide.refusal.KeywordRefusalDetector;
import dev.backslide.run.GateRunner;
import dev.backslide.run.LogProgress;
import dev.backslide.run.Progress;
import dev.backslide.run.RunResult;
import dev.backslide.score.Scorer;
import dev.backslide.score.Scorers;
import dev.backslide.task.Task;
import dev.backslide.verdict.Decider;
import dev.backslide.verdict.GateVerdict;
import dev.backslide.verdict.Policy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * The throughput benchmark (README, "Performance"). Starts the load server ({@link
 * BenchServerMain}) in a child JVM, so that only the client's CPU is counted here, then runs the
 * real pipeline (OpenAI client, scoring on its executor, pairing, cell statistics and the verdict)
 * on N items against both endpoints at concurrency c, after a warm-up run on other items. Prints
 * the figures and writes them as JSON.
 *
 * <pre>
 * mvn -B -q -Pbench verify -Dbench.args="--items 2000 --latency-ms 50 --concurrency 64"
 * </pre>
 *
 * <p>With {@code -Dbench.jfr=FILE} in {@code bench.jvm}, the measured run alone is recorded with
 * JDK Flight Recorder (profile settings, a CPU sample every 2 ms); read it with {@code jfr print
 * --events jdk.ExecutionSample FILE}.
 */
public final class Benchmark {
  /** The servers' JVM options: they are not what is measured, so their own CPU is kept low. */
  static final List<String> SERVER_JVM =
      List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss256k");

  private final BenchOptions options;
  private final PrintStream log;

  Benchmark(BenchOptions options, PrintStream log) {
    this.options = options;
    this.log = log;
  }

  public static void main(String[] args) throws Exception {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    BenchResult result = new Benchmark(options, System.err).run();
    System.out.println(result.table());
    result.write(options.out());
    System.out.println("written: " + options.out().toAbsolutePath());
    System.exit(result.lost() == 0 ? 0 : 1);
  }

  /** Runs the warm-up and the measured run, and stops the server. */
  BenchResult run() throws IOException, InterruptedException {
    List<Task> bench = BenchTasks.load(options.tasks(), options.items(), "bench");
    List<Task> warm =
        options.warmup() > 0 ? BenchTasks.load(options.tasks(), options.warmup(), "warmup") : null;
    Process server = startServer();
    BenchResult result;
    try (BufferedReader urls =
        new BufferedReader(
            new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
      String referenceUrl = urls.readLine();
      String candidateUrl = urls.readLine();
      if (referenceUrl == null || candidateUrl == null) {
        throw new IllegalStateException(
            "the benchmark server did not start (exit " + server.waitFor() + "); see its output");
      }
      result = measure(bench, warm, referenceUrl, candidateUrl, server);
      server.getOutputStream().close();
      for (String line = urls.readLine(); line != null; line = urls.readLine()) {
        if (line.startsWith(BenchServerMain.LATENESS)) {
          result = result.withServerLateness(line);
        }
      }
    } finally {
      server.getOutputStream().close();
      if (!server.waitFor(10, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
    if (options.floor()) {
      log.println("[bench] floor: the same N, L and c from a minimal client and server");
      result =
          result.withFloor(
              Floor.measure(
                  options.items(), options.latencyMillis(), options.concurrency(), SERVER_JVM));
    }
    return result;
  }

  private Process startServer() throws IOException {
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(SERVER_JVM);
    command.addAll(
        List.of(
            "-Dsun.net.httpserver.nodelay=true",
            "-cp",
            classpath,
            BenchServerMain.class.getName(),
            options.tasks().toString(),
            Integer.toString(options.items()),
            Integer.toString(options.warmup()),
            Integer.toString(options.latencyMillis()),
            Double.toString(options.failShare()),
            Integer.toString(options.maxInFlight()),
            Integer.toString(options.retryAfterSeconds()),
            options.server()));
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  private BenchResult measure(
      List<Task> bench, List<Task> warm, String referenceUrl, String candidateUrl, Process server)
      throws IOException {
    long serverPid = server.pid();
    ScoringClock clock = new ScoringClock();
    KeywordRefusalDetector detector = KeywordRefusalDetector.defaults();
    Function<Task, Scorer> scorers =
        task -> clock.timed(Scorers.create(task.scorer(), task.axis(), detector));
    ExecutorService scoring =
        Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()),
            r -> {
              Thread t = new Thread(r, "backslide-scoring");
              t.setDaemon(true);
              return t;
            });
    try {
      if (warm != null) {
        // JIT warm-up on other items, at 64 in flight or more so that c = 1 does not take minutes
        int c = Math.max(64, options.concurrency());
        log.println("[bench] warm-up: " + options.warmup() + " items per endpoint at c = " + c);
        try (OpenAiChatEndpoint r = endpoint(Role.REFERENCE, referenceUrl, "reference", c);
            OpenAiChatEndpoint k = endpoint(Role.CANDIDATE, candidateUrl, "candidate", c)) {
          Decider warmDecider = new Decider(Policy.defaults());
          decide(
              warmDecider,
              new GateRunner(r, k, scorers, Sampling.NONE, scoring, Progress.SILENT)
                  .whenPaired(new CellAssembler(warm, warmDecider::prepare)::add)
                  .run(warm));
        }
      }
      server
          .getOutputStream()
          .write((BenchServerMain.RESET + "\n").getBytes(StandardCharsets.UTF_8));
      server.getOutputStream().flush();
      clock.reset();
      long serverCpu0 = processCpuNanos(serverPid);
      long gcMillis0 = gcMillis();
      long gcCount0 = gcCount();
      var os =
          (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      log.printf(
          "[bench] measured run: %d items per endpoint, L = %d ms, c = %d%n",
          options.items(), options.latencyMillis(), options.concurrency());
      Map<String, Long> threads0 = cpuByThread();
      jdk.jfr.Recording recording = null;
      String jfr = System.getProperty("bench.jfr");
      if (jfr != null) {
        recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
        recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(2));
        recording.setDestination(Path.of(jfr));
        recording.start();
      }
      String load0 = loadAverage();
      long cpu0 = os.getProcessCpuTime();
      long start = System.nanoTime();
      // the endpoints are made inside the measured run: their worker threads start now
      try (OpenAiChatEndpoint reference =
              endpoint(Role.REFERENCE, referenceUrl, "reference", options.concurrency());
          OpenAiChatEndpoint candidate =
              endpoint(Role.CANDIDATE, candidateUrl, "candidate", options.concurrency())) {

        Phases phases =
            new Phases(
                LogProgress.forConsole(
                    log, role -> role == Role.REFERENCE ? reference.stats() : candidate.stats()));
        // as the gate does: each cell's statistics are computed once the cell is complete
        Decider decider = new Decider(Policy.defaults());
        GateRunner runner =
            new GateRunner(reference, candidate, scorers, Sampling.NONE, scoring, phases)
                .whenPaired(new CellAssembler(bench, decider::prepare)::add);
        RunResult run = runner.run(bench);
        long calls = System.nanoTime();
        GateVerdict verdict = decide(decider, run);
        long end = System.nanoTime();
        log.println(
            "[bench] answers per 250 ms (ramp, steady state, tail): " + phases.perQuarterSecond());
        long scored = clock.count();
        double scoringBusy = clock.nanos() / 1e9;
        long cpu1 = os.getProcessCpuTime();

        long serverCpu1 = processCpuNanos(serverPid);
        if (recording != null) {
          recording.stop();
          recording.close();
          log.println("[bench] JFR recording of the measured run: " + jfr);
        }
        Map<String, Long> threads1 = cpuByThread();
        Map<String, Double> threadCpu = new java.util.TreeMap<>();
        long javaThreads = 0;
        for (var e : threads1.entrySet()) {
          long d = e.getValue() - threads0.getOrDefault(e.getKey(), 0L);
          javaThreads += d;
          threadCpu.put(e.getKey(), d / 1e9);
        }
        threadCpu.put("(JIT, GC and VM threads)", ((cpu1 - cpu0) - javaThreads) / 1e9);
        // the endpoints were made for this run: their counters hold this run alone
        EndpointStats ref = reference.stats();
        EndpointStats cand = candidate.stats();
        long refAnswered =
            run.pairs().stream().filter(p -> !p.reference().hasEndpointError()).count();
        long candAnswered =
            run.pairs().stream().filter(p -> !p.candidate().hasEndpointError()).count();
        double rescorePerSecond = rescore(run.pairs(), scorers);
        log.printf(
            "[bench] adaptive limits now: reference %s, candidate %s; %d decreases; load average"
                + " before %s, after %s%n",
            reference.limits(),
            candidate.limits(),
            reference.limitDecreases() + candidate.limitDecreases(),
            load0,
            loadAverage());
        long[] millis =
            run.pairs().stream()
                .flatMap(p -> java.util.stream.Stream.of(p.reference(), p.candidate()))
                .flatMap(r -> r.samples().stream())
                .mapToLong(x -> x.call().millis())
                .sorted()
                .toArray();
        log.printf(
            "[bench] call millis (from submission): p50 %d, p90 %d, p99 %d, max %d; run %d ms"
                + " (endpoints made and described in %d ms, first answer after %d ms, last answer at %d ms, pairs joined"
                + " at %d ms), statistics %d ms%n",
            millis[millis.length / 2],
            millis[millis.length * 9 / 10],
            millis[millis.length * 99 / 100],
            millis[millis.length - 1],
            run.elapsed().toMillis(),
            (phases.started - start) / 1_000_000,
            (phases.first - phases.started) / 1_000_000,
            (phases.last - start) / 1_000_000,
            (phases.finished - start) / 1_000_000,
            (end - calls) / 1_000_000);
        return new BenchResult(
            options,
            (end - start) / 1e9,
            (end - calls) / 1e9,
            (cpu1 - cpu0) / 1e9,
            serverCpu1 < 0 ? -1 : (serverCpu1 - serverCpu0) / 1e9,
            ref,
            cand,
            refAnswered,
            candAnswered,
            scored,
            scoringBusy,
            rescorePerSecond,
            peakRssKb(),
            gcCount() - gcCount0,
            gcMillis() - gcMillis0,
            ManagementFactory.getThreadMXBean().getPeakThreadCount(),
            verdict.overall().toString(),
            threadCpu,
            ManagementFactory.getRuntimeMXBean().getInputArguments(),
            "",
            null);
      }
    } catch (IOException | java.text.ParseException e) {
      throw new IllegalStateException("cannot record with JFR: " + e.getMessage(), e);
    } finally {
      scoring.shutdownNow();
    }
  }

  private static GateVerdict decide(Decider decider, RunResult run) {
    return decider.decide(
        Cells.of(run.pairs()),
        List.of(
            EndpointErrors.of(Role.REFERENCE, run.pairs()),
            EndpointErrors.of(Role.CANDIDATE, run.pairs())));
  }

  private OpenAiChatEndpoint endpoint(Role role, String url, String model, int concurrency) {
    EndpointSpec spec =
        new EndpointSpec(
            role,
            URI.create(url),
            model,
            null,
            concurrency,
            Duration.ofSeconds(120),
            5,
            Duration.ofMillis(options.retryBaseMillis()));
    return new OpenAiChatEndpoint(
        spec.withAdaptive(options.adaptive(), EndpointSpec.DEFAULT_LATENCY_TOLERANCE), null);
  }

  /** Scores every answer again on this one thread: answers scored per second. */
  private static double rescore(List<Pair> pairs, Function<Task, Scorer> scorers) {
    Map<Task, Scorer> byTask = new ConcurrentHashMap<>();
    List<Runnable> work = new ArrayList<>();
    for (Pair p : pairs) {
      if (p.reference().hasEndpointError()) {
        continue;
      }
      Scorer s = byTask.computeIfAbsent(p.task(), scorers);
      String content = p.reference().first().call().completion().content();
      work.add(() -> s.score(p.item(), content));
    }
    work.forEach(Runnable::run); // warm
    long start = System.nanoTime();
    int rounds = 3;
    for (int r = 0; r < rounds; r++) {
      work.forEach(Runnable::run);
    }
    return work.size() * rounds / ((System.nanoTime() - start) / 1e9);
  }

  /** The 1, 5 and 15 minute load averages: other work on the machine skews the figures. */
  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  /** VmHWM of this JVM, in kB: the peak resident set. */
  static long peakRssKb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return -1;
  }

  /** User plus system CPU of another process, from /proc (assumes 100 ticks a second); or -1. */
  static long processCpuNanos(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      return ticks * 10_000_000L;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** CPU of the live Java threads by name, digits dropped ("OkHttp Dispatcher"). */
  private static Map<String, Long> cpuByThread() {
    var mx = ManagementFactory.getThreadMXBean();
    Map<String, Long> byName = new java.util.HashMap<>();
    for (var info : mx.getThreadInfo(mx.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long cpu = mx.getThreadCpuTime(info.getThreadId());
      if (cpu > 0) {
        byName.merge(info.getThreadName().replaceAll("[0-9]+", "N"), cpu, Long::sum);
      }
    }
    return byName;
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime)
        .sum();
  }

  private static long gcCount() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionCount)
        .sum();
  }

  /** When the run's phases happened, by {@link System#nanoTime()}; passes everything on. */
  static final class Phases implements Progress {
    private final Progress next;
    volatile long started;
    volatile long first;
    volatile long last;
    volatile long finished;

    Phases(Progress next) {
      this.next = next;
    }

    @Override
    public void start(int callsPerEndpoint) {
      started = System.nanoTime();
      next.start(callsPerEndpoint);
    }

    private final java.util.concurrent.ConcurrentLinkedQueue<Long> answeredAt =
        new java.util.concurrent.ConcurrentLinkedQueue<>();

    @Override
    public void done(Role role, boolean ok) {
      long now = System.nanoTime();
      answeredAt.add(now);
      if (first == 0) {
        first = now;
      }
      last = now;
      next.done(role, ok);
    }

    @Override
    public void stoppedEarly(int look, int callsPerEndpoint) {
      next.stoppedEarly(look, callsPerEndpoint);
    }

    @Override
    public void finish() {
      finished = System.nanoTime();
      next.finish();
    }

    /** Answers on both endpoints in each quarter second from the start. */
    List<Integer> perQuarterSecond() {
      List<Integer> counts = new ArrayList<>();
      for (long t : answeredAt) {
        int bucket = (int) ((t - started) / 250_000_000L);
        while (counts.size() <= bucket) {
          counts.add(0);
        }
        counts.set(bucket, counts.get(bucket) + 1);
      }
      return counts;
    }
  }

  /** Counts scoring calls and the time they take, on whichever threads they run. */
  static final class ScoringClock {
    private final LongAdder count = new LongAdder();
    private final LongAdder nanos = new LongAdder();

    Scorer timed(Scorer scorer) {
      return (item, response) -> {
        long start = System.nanoTime();
        try {
          return scorer.score(item, response);
        } finally {
          nanos.add(System.nanoTime() - start);
          count.increment();
        }
      };
    }

    void reset() {
      count.reset();
      nanos.reset();
    }

    long count() {
      return count.sum();
    }

    long nanos() {
      return nanos.sum();
    }
  }

  static ObjectMapper json() {
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }
}
