package dev.backslide.endpoint;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An endpoint that is never called: the side of a run whose answers come from a recording (a
 * baseline, or a journal being re-scored). Anything not in the recording fails as not called,
 * naming the recording, so it is counted as an error and never scored.
 */
public final class OfflineEndpoint implements ChatEndpoint {
  private final EndpointSpec spec;
  private final EndpointDescription description;
  private final String why;
  private final AtomicLong calls = new AtomicLong();

  /**
   * @param spec the recorded endpoint
   * @param description what it reported when it was recorded
   * @param why "not in baseline baselines/x", for failures
   */
  public OfflineEndpoint(EndpointSpec spec, EndpointDescription description, String why) {
    this.spec = spec;
    this.description = description;
    this.why = why;
  }

  public static EndpointDescription describe(String url, String model, String note) {
    return new EndpointDescription(url, model, List.of(), null, Map.of(), note);
  }

  @Override
  public EndpointSpec spec() {
    return spec;
  }

  @Override
  public EndpointDescription describe() {
    return description;
  }

  @Override
  public CompletableFuture<CallResult> complete(ChatRequest request) {
    calls.incrementAndGet();
    return CompletableFuture.completedFuture(CallResult.notCalled(spec, why));
  }

  @Override
  public EndpointStats stats() {
    long n = calls.get();
    return new EndpointStats(n, 0, 0, n, 0, 0);
  }

  @Override
  public void close() {}
}
