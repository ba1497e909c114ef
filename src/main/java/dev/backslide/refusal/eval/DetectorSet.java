package dev.backslide.refusal.eval;

import dev.backslide.endpoint.EndpointSpec;
import dev.backslide.endpoint.Role;
import dev.backslide.endpoint.openai.OpenAiChatEndpoint;
import dev.backslide.refusal.KeywordRefusalDetector;
import dev.backslide.refusal.RefusalDetector;
import dev.backslide.refusal.embedded.EmbeddedRefusalDetector;
import dev.backslide.refusal.judge.JudgeRefusalDetector;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The detectors an evaluation runs, opened from its options and closed together. */
final class DetectorSet implements AutoCloseable {
  private final List<RefusalDetector> detectors;
  private final List<AutoCloseable> closeables;

  private DetectorSet(List<RefusalDetector> detectors, List<AutoCloseable> closeables) {
    this.detectors = List.copyOf(detectors);
    this.closeables = List.copyOf(closeables);
  }

  static DetectorSet open(EvaluateDetectors.Options options) {
    List<RefusalDetector> detectors = new ArrayList<>();
    List<AutoCloseable> closeables = new ArrayList<>();
    for (String name : options.detectors()) {
      switch (name) {
        case "embedded" -> {
          EmbeddedRefusalDetector embedded = EmbeddedRefusalDetector.load();
          detectors.add(embedded);
          closeables.add(embedded);
        }
        case "keyword" -> detectors.add(KeywordRefusalDetector.defaults());
        case "judge" -> {
          String keyEnv = options.judgeApiKeyEnv();
          EndpointSpec spec =
              new EndpointSpec(
                  Role.REFERENCE,
                  URI.create(options.judgeUrl()),
                  options.judgeModel(),
                  keyEnv.isEmpty() ? null : keyEnv,
                  8,
                  Duration.ofSeconds(120),
                  3,
                  Duration.ofMillis(500));
          OpenAiChatEndpoint endpoint =
              new OpenAiChatEndpoint(spec, keyEnv.isEmpty() ? null : System.getenv(keyEnv));
          detectors.add(new JudgeRefusalDetector(endpoint));
          closeables.add(endpoint);
        }
        default -> throw new IllegalArgumentException("unknown detector " + name);
      }
    }
    return new DetectorSet(detectors, closeables);
  }

  List<RefusalDetector> detectors() {
    return detectors;
  }

  @Override
  public void close() {
    for (AutoCloseable c : closeables) {
      try {
        c.close();
      } catch (Exception e) {
        // closing releases threads and sockets; a failure here changes no result
      }
    }
  }
}
