package dev.backslide.refusal.eval;

import dev.backslide.refusal.embedded.EmbeddedRefusalDetector;
import dev.backslide.refusal.embedded.ResponseParts;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures the throughput and memory of the embedded detector (a benchmark, not a test):
 *
 * <pre>
 * mvn -q compile exec:exec -Dexec.executable=java \
 *     -Dexec.args="-cp %classpath dev.backslide.refusal.eval.EmbeddedBenchmark"
 * </pre>
 *
 * <p>It loads the default detector, warms it up on 100 responses, then judges every response of the
 * labelled files ({@code --data FILE}, repeatable; default both splits) {@code --rounds N} times
 * (default 3) in chunks of 64, as the gate would, and prints responses per second (wall clock), CPU
 * milliseconds per response with the capacity that implies on this machine's idle cores, the load
 * average (other processes share the cores), the peak Java heap and the peak resident set of the
 * process (Linux {@code VmHWM}, which includes ONNX Runtime's native memory). Run it in its own JVM
 * ({@code exec:exec}, as above) so Maven's memory is not counted.
 */
public final class EmbeddedBenchmark {
  private static final int CHUNK = 64;

  private EmbeddedBenchmark() {}

  public static void main(String[] args) throws IOException {
    List<Path> files = new ArrayList<>();
    int rounds = 3;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--data" -> files.add(Paths.get(args[i + 1]));
        case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
        default -> {
          System.err.println("unknown option " + args[i] + "; use --data FILE, --rounds N");
          System.exit(2);
        }
      }
    }
    if (files.isEmpty()) {
      files.add(Paths.get(TrainHead.DEFAULT_TRAIN));
      files.add(Paths.get(EvaluateDetectors.DEFAULT_DATA));
    }
    List<String> responses = new ArrayList<>();
    for (Path file : files) {
      for (LabelledResponse row : LabelledData.read(file)) {
        responses.add(row.response());
      }
    }
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long loadStart = System.nanoTime();
    try (EmbeddedRefusalDetector detector = EmbeddedRefusalDetector.load()) {
      double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
      detector.judgeResponses(responses.subList(0, Math.min(100, responses.size())));
      double loadBefore = os.getSystemLoadAverage();
      long cpuStart = os.getProcessCpuTime();
      long start = System.nanoTime();
      for (int round = 0; round < rounds; round++) {
        for (int from = 0; from < responses.size(); from += CHUNK) {
          detector.judgeResponses(
              responses.subList(from, Math.min(responses.size(), from + CHUNK)));
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpuMillis = (os.getProcessCpuTime() - cpuStart) / 1e6;
      long judged = (long) responses.size() * rounds;
      double perResponse = cpuMillis / judged;
      int cores = Runtime.getRuntime().availableProcessors();
      double texts = 0;
      double chars = 0;
      for (String r : responses) {
        ResponseParts p = ResponseParts.of(r);
        texts += 1 + (p.body().isEmpty() ? 0 : 1) + (p.focus().isEmpty() ? 0 : 1);
        chars += r.length();
      }
      System.out.printf(
          Locale.ROOT,
          "encoder %s, %d responses (mean %.0f chars, %.2f texts embedded each) x %d rounds%n",
          detector.encoder().name(),
          responses.size(),
          chars / responses.size(),
          texts / responses.size(),
          rounds);
      System.out.printf(Locale.ROOT, "load: %.1f s%n", loadSeconds);
      System.out.printf(
          Locale.ROOT,
          "throughput: %.0f responses/s (wall, %d judged in %.1f s)%n",
          judged / seconds,
          judged,
          seconds);
      System.out.printf(
          Locale.ROOT,
          "cpu: %.1f ms per response; %d cores if idle: %.0f responses/s%n",
          perResponse,
          cores,
          cores * 1000 / perResponse);
      System.out.printf(
          Locale.ROOT,
          "load average: %.1f before, %.1f after (other processes share the cores)%n",
          loadBefore,
          os.getSystemLoadAverage());
      System.out.printf(
          Locale.ROOT,
          "peak heap: %.0f MiB (max %.0f MiB); peak resident set: %s%n",
          peakHeap() / 1048576.0,
          Runtime.getRuntime().maxMemory() / 1048576.0,
          peakRss());
    }
  }

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  private static String peakRss() {
    Path status = Paths.get("/proc/self/status");
    if (!Files.isReadable(status)) {
      return "unknown (no /proc/self/status)";
    }
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmHWM:")) {
          long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
          return String.format(Locale.ROOT, "%.0f MiB", kib / 1024.0);
        }
      }
    } catch (IOException | NumberFormatException e) {
      return "unknown (" + e.getMessage() + ")";
    }
    return "unknown";
  }
}
