package dev.backslide.endpoint;

import java.util.concurrent.CompletableFuture;

/**
 * A chat model behind some protocol. Calls are asynchronous; an implementation bounds its own
 * requests in flight, retries what is worth retrying, and completes every future (never
 * exceptionally: a failure is a {@link CallResult} with an {@link EndpointFailure}).
 */
public interface ChatEndpoint extends AutoCloseable {
  EndpointSpec spec();

  /**
   * Reads what the endpoint says about itself.
   *
   * @throws EndpointUnavailableException when it cannot be reached at all
   */
  EndpointDescription describe();

  CompletableFuture<CallResult> complete(ChatRequest request);

  /** Counts of attempts, retries and failures so far. */
  EndpointStats stats();

  @Override
  void close();
}
