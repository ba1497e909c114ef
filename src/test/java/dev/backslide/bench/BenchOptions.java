package dev.backslide.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the benchmark runs: N items on each endpoint at latency L with c in flight, optional faults.
 *
 * @param items N, items asked of each endpoint in the measured run
 * @param latencyMillis L, the server's fixed delay before every reply
 * @param concurrency c, requests in flight per endpoint (the client's configured maximum)
 * @param failShare share of prompts whose first attempt is answered 503
 * @param maxInFlight the server's in-flight cap (429 above it), 0 for none
 * @param retryAfterSeconds the Retry-After of those 429s
 * @param warmup items asked of each endpoint before the measured run (JIT warm-up), 0 for none
 * @param retryBaseMillis the client's first backoff delay (the gate's default is 500)
 * @param adaptive whether the client adapts its concurrency (429s, latency)
 * @param server the load server: "lean" ({@link LoadServer}, one thread, little CPU) or "scripted"
 *     (the tests' {@link dev.backslide.fixture.ScriptedChatServer})
 * @param floor whether to probe the machine's floor afterwards ({@link Floor}: the same N, L and c
 *     made by a minimal client against a minimal server)
 * @param tasks the task directory the items are drawn from
 * @param out where the JSON result goes
 */
record BenchOptions(
    int items,
    int latencyMillis,
    int concurrency,
    double failShare,
    int maxInFlight,
    int retryAfterSeconds,
    int warmup,
    int retryBaseMillis,
    boolean adaptive,
    String server,
    boolean floor,
    Path tasks,
    Path out) {

  static final String USAGE =
      "usage: Benchmark [--items 2000] [--latency-ms 50] [--concurrency 64] [--fail-share 0]"
          + " [--max-in-flight 0] [--retry-after 1] [--warmup 1000] [--retry-base-ms 500]"
          + " [--adaptive true] [--server lean|scripted] [--floor false] [--tasks tasks]"
          + " [--out target/bench/result.json]";

  static BenchOptions defaults() {
    return new BenchOptions(
        2000,
        50,
        64,
        0,
        0,
        1,
        1000,
        500,
        true,
        "lean",
        false,
        Path.of("tasks"),
        Path.of("target/bench/result.json"));
  }

  /** Parses {@code --name value} pairs over the defaults; every problem is reported at once. */
  static BenchOptions parse(String... args) {
    BenchOptions d = defaults();
    int items = d.items;
    int latency = d.latencyMillis;
    int concurrency = d.concurrency;
    double failShare = d.failShare;
    int maxInFlight = d.maxInFlight;
    int retryAfter = d.retryAfterSeconds;
    int warmup = d.warmup;
    int retryBase = d.retryBaseMillis;
    boolean adaptive = d.adaptive;
    String server = d.server;
    boolean floor = d.floor;
    Path tasks = d.tasks;
    Path out = d.out;
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < args.length; i += 2) {
      String name = args[i];
      if (i + 1 >= args.length) {
        problems.add(name + " needs a value");
        break;
      }
      String v = args[i + 1];
      try {
        switch (name) {
          case "--items" -> items = positive(name, v);
          case "--latency-ms" -> latency = nonNegative(name, v);
          case "--concurrency" -> concurrency = positive(name, v);
          case "--fail-share" -> failShare = share(name, v);
          case "--max-in-flight" -> maxInFlight = nonNegative(name, v);
          case "--retry-after" -> retryAfter = nonNegative(name, v);
          case "--warmup" -> warmup = nonNegative(name, v);
          case "--retry-base-ms" -> retryBase = positive(name, v);
          case "--adaptive" -> adaptive = Boolean.parseBoolean(v);
          case "--server" -> server = oneOf(name, v, "lean", "scripted");
          case "--floor" -> floor = Boolean.parseBoolean(oneOf(name, v, "true", "false"));
          case "--tasks" -> tasks = Path.of(v);
          case "--out" -> out = Path.of(v);
          default -> throw new IllegalArgumentException("unknown option '" + name + "'");
        }
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", problems) + "\n" + USAGE);
    }
    return new BenchOptions(
        items,
        latency,
        concurrency,
        failShare,
        maxInFlight,
        retryAfter,
        warmup,
        retryBase,
        adaptive,
        server,
        floor,
        tasks,
        out);
  }

  /** N·L/c: the least wall time any client can reach (c is the server's cap when lower). */
  double idealSeconds() {
    int c = maxInFlight > 0 ? Math.min(concurrency, maxInFlight) : concurrency;
    return items * (latencyMillis / 1000.0) / c;
  }

  private static int positive(String name, String v) {
    int n = nonNegative(name, v);
    if (n < 1) {
      throw new IllegalArgumentException(name + " must be at least 1 but was " + v);
    }
    return n;
  }

  private static int nonNegative(String name, String v) {
    try {
      int n = Integer.parseInt(v);
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new IllegalArgumentException(
        name + " needs a whole number, 0 or more, but was '" + v + "'");
  }

  private static String oneOf(String name, String v, String... allowed) {
    if (List.of(allowed).contains(v)) {
      return v;
    }
    throw new IllegalArgumentException(
        name + " must be one of " + String.join(", ", allowed) + " but was '" + v + "'");
  }

  private static double share(String name, String v) {
    try {
      double d = Double.parseDouble(v);
      if (d >= 0 && d <= 1) {
        return d;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new IllegalArgumentException(name + " needs a number from 0 to 1 but was '" + v + "'");
  }
}
