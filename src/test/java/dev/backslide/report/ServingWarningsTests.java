package dev.backslide.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backslide.endpoint.EndpointDescription;
import dev.backslide.endpoint.EndpointSpec;
import dev.backslide.endpoint.EndpointStats;
import dev.backslide.endpoint.Role;
import dev.backslide.run.EndpointReport;
import dev.backslide.run.RunResult;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServingWarningsTests {
  private static EndpointReport report(
      Role role, String server, String version, List<String> fingerprints) {
    EndpointSpec spec =
        new EndpointSpec(
            role,
            URI.create("http://h/v1"),
            "m",
            null,
            1,
            Duration.ofSeconds(1),
            0,
            Duration.ofMillis(1));
    EndpointDescription d =
        new EndpointDescription(
            "http://h/v1",
            "m",
            List.of("m"),
            server,
            Map.of("server", server, "x-vllm-version", version),
            null);
    return new EndpointReport(spec, d, null, fingerprints, new EndpointStats(0, 0, 0, 0, 0, 0));
  }

  private static RunResult run(EndpointReport a, EndpointReport b) {
    return new RunResult(Instant.now(), Duration.ZERO, List.of(), a, b, List.of(), null, 0);
  }

  @Test
  void identicalStacksGiveNoWarning() {
    var a = report(Role.REFERENCE, "uvicorn", "0.6.3", List.of("fp_1"));
    var b = report(Role.CANDIDATE, "uvicorn", "0.6.3", List.of("fp_1"));
    assertThat(ServingWarnings.of(run(a, b))).isEmpty();
  }

  @Test
  void differentServersVersionsAndFingerprintsAreNamed() {
    var a = report(Role.REFERENCE, "uvicorn", "0.6.3", List.of("fp_1"));
    var b = report(Role.CANDIDATE, "llama.cpp", "0.7.0", List.of("fp_2", "fp_3"));
    assertThat(ServingWarnings.of(run(a, b)))
        .containsExactly(
            "the endpoints run different servers: reference 'uvicorn', candidate 'llama.cpp'; a"
                + " serving change can move scores on its own",
            "header x-vllm-version differs: reference '0.6.3', candidate '0.7.0'",
            "system_fingerprint differs: reference [fp_1], candidate [fp_2, fp_3] (expected when"
                + " the backend configuration changed)",
            "the candidate answered with 2 different system_fingerprints during the run: its"
                + " backend changed mid-run");
  }
}
