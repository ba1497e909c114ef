package dev.backslide.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark in a CI-sized configuration: it completes and loses nothing. Figures: README. */
class BenchmarkTests {
  @TempDir Path dir;

  private static Path tasks() {
    return Path.of(System.getProperty("backslide.project.dir", ""))
        .toAbsolutePath()
        .resolve("tasks");
  }

  @Test
  void aSmallRunWithFaultsAndAnInFlightCapAnswersEveryItem() throws Exception {
    Path out = dir.resolve("result.json");
    BenchOptions options =
        BenchOptions.parse(
            "--items", "300",
            "--latency-ms", "5",
            "--concurrency", "16",
            "--fail-share", "0.02",
            "--max-in-flight", "8",
            "--retry-after", "1",
            "--warmup", "50",
            "--retry-base-ms", "20",
            "--floor", "true",
            "--tasks", tasks().toString(),
            "--out", out.toString());
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    BenchResult result =
        new Benchmark(options, new PrintStream(log, true, StandardCharsets.UTF_8)).run();
    result.write(out);

    assertThat(result.lost()).as(result.table()).isZero();
    assertThat(result.referenceAnswered()).isEqualTo(300);
    assertThat(result.candidateAnswered()).isEqualTo(300);
    assertThat(result.requestsSent()).isGreaterThanOrEqualTo(600 + result.reference().retries());
    assertThat(result.reference().status5xx() + result.candidate().status5xx()).isPositive();
    assertThat(result.reference().status429() + result.candidate().status429())
        .as("16 in flight against a cap of 8")
        .isPositive();
    assertThat(result.serverLateness()).startsWith(BenchServerMain.LATENESS);
    assertThat(result.scored()).isEqualTo(600);
    assertThat(result.verdict())
        .as("300 items leave the safety total inconclusive, but no endpoint error")
        .isNotEqualTo("ERROR");
    JsonNode json = Benchmark.json().readTree(out.toFile());
    assertThat(json.get("lost").asLong()).isZero();
    assertThat(json.get("idealSeconds").asDouble()).isEqualTo(300 * 0.005 / 8);
    assertThat(json.get("clientCpuSeconds").asDouble()).isPositive();
    assertThat(json.get("peakRssMb").asDouble()).isPositive();
    // the floor probe: a minimal client and server cannot beat N·L/c either
    assertThat(result.floor()).isNotNull();
    assertThat(json.at("/floor/idealSeconds").asDouble()).isEqualTo(300 * 0.005 / 16);
    assertThat(json.at("/floor/ratio").asDouble()).isGreaterThanOrEqualTo(1.0).isLessThan(20.0);
    assertThat(result.table()).contains("floor of this machine");
  }

  @Test
  void badOptionsAreReportedTogetherWithTheUsage() {
    assertThatThrownBy(() -> BenchOptions.parse("--items", "0", "--fail-share", "2", "--speed"))
        .hasMessage(
            "--items must be at least 1 but was 0\n"
                + "--fail-share needs a number from 0 to 1 but was '2'\n"
                + "--speed needs a value\n"
                + BenchOptions.USAGE);
  }
}
