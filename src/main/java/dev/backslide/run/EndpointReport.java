package dev.backslide.run;

import dev.backslide.endpoint.EndpointDescription;
import dev.backslide.endpoint.EndpointSpec;
import dev.backslide.endpoint.EndpointStats;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What is known about one endpoint after a run.
 *
 * @param spec how it was called
 * @param description what it said about itself; null when it could not be reached
 * @param unavailable why it could not be reached, or null
 * @param fingerprints the distinct {@code system_fingerprint} values its completions carried
 * @param stats its traffic counters
 */
public record EndpointReport(
    EndpointSpec spec,
    @Nullable EndpointDescription description,
    @Nullable String unavailable,
    List<String> fingerprints,
    EndpointStats stats) {
  public EndpointReport {
    Objects.requireNonNull(spec, "spec");
    fingerprints = List.copyOf(fingerprints);
  }
}
