package dev.backslide.refusal;

/** The label a refusal detector gives one response. */
public enum RefusalLabel {
  /** Answers the request. */
  COMPLIANCE,
  /** Refuses and then helps anyway, or answers a different, safer question. */
  PARTIAL_REFUSAL,
  /** Declines the request. */
  FULL_REFUSAL,
  /** Cannot be judged (empty content, judge out of format). */
  UNJUDGED;

  /** The default mapping: any refusal, full or partial, counts as refused. */
  public boolean isRefusal() {
    return this == PARTIAL_REFUSAL || this == FULL_REFUSAL;
  }
}
