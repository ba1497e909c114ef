package dev.backslide.endpoint;

/** Why a call to an endpoint failed, after any retries. */
public enum FailureKind {
  /** The endpoint answered with an HTTP status other than 2xx. */
  HTTP_STATUS(true),
  /** The body was not the JSON of a chat completion. */
  MALFORMED_JSON(false),
  /** The completion had no choices. */
  NO_CHOICES(false),
  /** No answer within the per-request timeout. */
  TIMEOUT(true),
  /** The connection was refused, reset or closed. */
  CONNECTION(true),
  /**
   * Not asked at all: one of the endpoints could not be reached when the run started, or the answer
   * was to come from a recording (baseline, journal) that does not have it.
   */
  NOT_CALLED(false);

  private final boolean transientByNature;

  FailureKind(boolean transientByNature) {
    this.transientByNature = transientByNature;
  }

  /** Whether failures of this kind may go away on retry (statuses decide case by case). */
  public boolean mayBeTransient() {
    return transientByNature;
  }

  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
