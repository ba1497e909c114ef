package dev.backslide.endpoint;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How to reach one OpenAI-compatible endpoint: one base URL, or several replicas serving the same
 * model. The API key itself is never held here: only the name of the environment variable that
 * holds it.
 *
 * @param role reference or candidate
 * @param url the base URL, such as {@code http://localhost:8000/v1}; the first replica
 * @param model the model name sent with every request
 * @param apiKeyEnv the environment variable holding the API key, or null for none
 * @param concurrency the most requests in flight at once, over all replicas together, 1 or more: a
 *     hard cap, also when {@code adaptive}
 * @param timeout per-request timeout
 * @param maxRetries retries after the first attempt, on 429, 5xx, timeouts and connection resets
 * @param retryBase the first backoff delay; it doubles on each retry, with jitter
 * @param replicas further base URLs serving the same model (without {@code url}); may be empty
 * @param adaptive whether requests in flight are lowered below {@code concurrency} when a replica
 *     answers 429 or its latency climbs, and raised again after
 * @param latencyTolerance how many times its lowest smoothed latency a replica may take before
 *     requests in flight are lowered; 0 to ignore latency (429s still count)
 */
public record EndpointSpec(
    Role role,
    URI url,
    String model,
    @Nullable String apiKeyEnv,
    int concurrency,
    Duration timeout,
    int maxRetries,
    Duration retryBase,
    List<URI> replicas,
    boolean adaptive,
    double latencyTolerance) {

  /** The default of {@link #latencyTolerance}. */
  public static final double DEFAULT_LATENCY_TOLERANCE = 2.0;

  public EndpointSpec {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(model, "model");
    replicas = List.copyOf(replicas);
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1 but was " + concurrency);
    }
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must be 0 or more but was " + maxRetries);
    }
    if (latencyTolerance != 0 && !(latencyTolerance > 1)) {
      throw new IllegalArgumentException(
          "latencyTolerance must be 0 (off) or more than 1 but was " + latencyTolerance);
    }
    if (replicas.contains(url)) {
      throw new IllegalArgumentException(
          "the replicas repeat the endpoint's url " + url + "; list each base URL once");
    }
  }

  /** One base URL, adaptive concurrency with the default latency tolerance. */
  public EndpointSpec(
      Role role,
      URI url,
      String model,
      @Nullable String apiKeyEnv,
      int concurrency,
      Duration timeout,
      int maxRetries,
      Duration retryBase) {
    this(
        role,
        url,
        model,
        apiKeyEnv,
        concurrency,
        timeout,
        maxRetries,
        retryBase,
        List.of(),
        true,
        DEFAULT_LATENCY_TOLERANCE);
  }

  /** Every base URL: {@code url} first, then the replicas. */
  public List<URI> urls() {
    List<URI> all = new ArrayList<>();
    all.add(url);
    all.addAll(replicas);
    return List.copyOf(all);
  }

  /** The same endpoint playing another role (the candidate of an A/A run is the reference). */
  public EndpointSpec withRole(Role other) {
    return new EndpointSpec(
        other,
        url,
        model,
        apiKeyEnv,
        concurrency,
        timeout,
        maxRetries,
        retryBase,
        replicas,
        adaptive,
        latencyTolerance);
  }

  /** The same endpoint with these further replicas. */
  public EndpointSpec withReplicas(List<URI> more) {
    return new EndpointSpec(
        role,
        url,
        model,
        apiKeyEnv,
        concurrency,
        timeout,
        maxRetries,
        retryBase,
        more,
        adaptive,
        latencyTolerance);
  }

  /** The same endpoint with adaptive concurrency on or off and this latency tolerance. */
  public EndpointSpec withAdaptive(boolean on, double tolerance) {
    return new EndpointSpec(
        role,
        url,
        model,
        apiKeyEnv,
        concurrency,
        timeout,
        maxRetries,
        retryBase,
        replicas,
        on,
        tolerance);
  }

  /** "candidate (http://localhost:8001/v1, model llama-2-13b-ft)", for messages. */
  public String describe() {
    return role
        + " endpoint "
        + url
        + (replicas.isEmpty() ? "" : " (+" + replicas.size() + " replicas)")
        + " (model "
        + model
        + ")";
  }
}
