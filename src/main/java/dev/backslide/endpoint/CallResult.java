package dev.backslide.endpoint;

import org.jspecify.annotations.Nullable;

/**
 * The result of one call: a completion or a failure, never both; with attempts and wall time.
 *
 * @param completion the completion, when the call succeeded
 * @param failure the failure, when it did not
 * @param attempts how many HTTP attempts were made (1 plus retries)
 * @param millis wall time from the first attempt to the result
 * @param replica which base URL answered
 */
public record CallResult(
    @Nullable Completion completion,
    @Nullable EndpointFailure failure,
    int attempts,
    long millis,
    String replica) {

  public CallResult {
    if ((completion == null) == (failure == null)) {
      throw new IllegalArgumentException("a call result has exactly one of completion and failure");
    }
  }

  public static CallResult success(
      Completion completion, int attempts, long millis, String replica) {
    return new CallResult(completion, null, attempts, millis, replica);
  }

  public static CallResult failed(EndpointFailure failure, long millis, String replica) {
    return new CallResult(null, failure, failure.attempts(), millis, replica);
  }

  /**
   * A call that was never made, so that the item is counted as an error and never scored: the
   * endpoint could not be reached when the run started, or its answers come from a recording that
   * lacks this one. No attempts and no time, and the replica is the endpoint's own URL.
   *
   * @param detail why it was not called, for the report
   */
  public static CallResult notCalled(EndpointSpec endpoint, String detail) {
    String url = endpoint.url().toString();
    return failed(
        new EndpointFailure(endpoint.role(), url, FailureKind.NOT_CALLED, 0, null, detail, 0),
        0,
        url);
  }

  public boolean ok() {
    return completion != null;
  }
}
