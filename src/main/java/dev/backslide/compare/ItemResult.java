package dev.backslide.compare;

import dev.backslide.endpoint.Role;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * All samples of one item on one endpoint.
 *
 * @param role which endpoint answered
 * @param samples the k samples, in sample order
 */
public record ItemResult(Role role, List<SampleResult> samples) {
  public ItemResult {
    Objects.requireNonNull(role, "role");
    samples = List.copyOf(samples);
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("an item result has at least one sample");
    }
  }

  /** The mean score over the samples, or empty when any sample failed or could not be judged. */
  public Optional<Double> meanScore() {
    if (!samples.stream().allMatch(SampleResult::usable)) {
      return Optional.empty();
    }
    return Optional.of(
        samples.stream().mapToDouble(s -> s.score().value()).average().orElseThrow());
  }

  /** True when a sample's call failed after all retries. */
  public boolean hasEndpointError() {
    return samples.stream().anyMatch(s -> !s.call().ok());
  }

  /** The first sample, for reports. */
  public SampleResult first() {
    return samples.get(0);
  }
}
