package dev.backslide.verdict;

/** The verdict of a cell or of a whole run (STATISTICS.md section 2). */
public enum Verdict {
  /** Non-inferior: the candidate is shown to be no worse than the margin. */
  PASS,
  /**
   * A real regression shown smaller than the margin, or an inconclusive cell off the safety total.
   */
  WARN,
  /** A significant regression that may reach the margin: block the release. */
  FAIL,
  /** Neither a significant regression nor shown non-inferior: too few items to tell. */
  INCONCLUSIVE,
  /** The endpoints failed too often for a verdict: fix the serving, then rerun. */
  ERROR;

  /** Whether this verdict blocks a release. */
  public boolean blocks() {
    return this == FAIL || this == ERROR;
  }
}
