package dev.backslide.endpoint;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What an endpoint reported about itself at the start of a run.
 *
 * @param url the base URL
 * @param model the model name Backslide sends
 * @param servedModels the model ids {@code /models} listed (empty when it is not served)
 * @param server the HTTP {@code Server} header, if any
 * @param headers other identifying response headers (server versions), credentials never included
 * @param note what went wrong reading {@code /models}, or null
 */
public record EndpointDescription(
    String url,
    String model,
    List<String> servedModels,
    @Nullable String server,
    Map<String, String> headers,
    @Nullable String note) {

  public EndpointDescription {
    servedModels = List.copyOf(servedModels);
    headers = Map.copyOf(headers);
  }
}
