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
    // loops, not streams: the statistics ask this of every pair of every cell
    double sum = 0;
    for (SampleResult s : samples) {
      if (!s.usable()) {
        return Optional.empty();
      }
      sum += s.score().value();
    }
    return Optional.of(sum / samples.size());
  }

  /** True when a sample's call failed after all retries. */
  public boolean hasEndpointError() {
    for (SampleResult s : samples) {
      if (!s.call().ok()) {
        return true;
      }
    }
    return false;
  }

  /** The first sample, for reports. */
  public SampleResult first() {
    return samples.get(0);
  }
}
