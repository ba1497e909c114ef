package dev.backslide.compare;

import dev.backslide.endpoint.EndpointFailure;
import dev.backslide.endpoint.Role;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Failed calls of one endpoint over a run.
 *
 * @param role the endpoint
 * @param calls calls made (one per item and sample)
 * @param failed calls that failed after all retries
 * @param byKind failed calls per failure kind
 * @param examples up to three failure messages, for the report
 */
public record EndpointErrors(
    Role role, long calls, long failed, Map<String, Long> byKind, List<String> examples) {

  public EndpointErrors {
    Objects.requireNonNull(role, "role");
    byKind = Map.copyOf(byKind);
    examples = List.copyOf(examples);
  }

  /** Counts the failures of {@code role} across {@code pairs}. */
  public static EndpointErrors of(Role role, List<Pair> pairs) {
    long calls = 0;
    long failed = 0;
    Map<String, Long> byKind = new TreeMap<>();
    java.util.LinkedHashSet<String> examples = new java.util.LinkedHashSet<>();
    for (Pair pair : pairs) {
      ItemResult result = role == Role.REFERENCE ? pair.reference() : pair.candidate();
      for (SampleResult sample : result.samples()) {
        calls++;
        EndpointFailure failure = sample.call().failure();
        if (failure != null) {
          failed++;
          byKind.merge(failure.kind().key(), 1L, Long::sum);
          if (examples.size() < 3) {
            examples.add(failure.message());
          }
        }
      }
    }
    return new EndpointErrors(role, calls, failed, byKind, List.copyOf(examples));
  }

  /** failed / calls, 0 when no calls were made. */
  public double rate() {
    return calls == 0 ? 0 : (double) failed / calls;
  }
}
