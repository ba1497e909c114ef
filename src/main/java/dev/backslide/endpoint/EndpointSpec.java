package dev.backslide.endpoint;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How to reach one OpenAI-compatible endpoint. The API key itself is never held here: only the name
 * of the environment variable that holds it.
 *
 * @param role reference or candidate
 * @param url the base URL, such as {@code http://localhost:8000/v1}
 * @param model the model name sent with every request
 * @param apiKeyEnv the environment variable holding the API key, or null for none
 * @param concurrency the most requests in flight at once, 1 or more
 * @param timeout per-request timeout
 * @param maxRetries retries after the first attempt, on 429, 5xx, timeouts and connection resets
 * @param retryBase the first backoff delay; it doubles on each retry, with jitter
 */
public record EndpointSpec(
    Role role,
    URI url,
    String model,
    @Nullable String apiKeyEnv,
    int concurrency,
    Duration timeout,
    int maxRetries,
    Duration retryBase) {

  public EndpointSpec {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(model, "model");
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1 but was " + concurrency);
    }
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must be 0 or more but was " + maxRetries);
    }
  }

  /** "candidate (http://localhost:8001/v1, model llama-2-13b-ft)", for messages. */
  public String describe() {
    return role + " endpoint " + url + " (model " + model + ")";
  }
}
