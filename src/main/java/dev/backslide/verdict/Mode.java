package dev.backslide.verdict;

/** What the run is meant to show (STATISTICS.md section 2). */
public enum Mode {
  /** The candidate is no worse than the reference by more than the margin (the default). */
  NON_INFERIORITY("nonInferiority"),
  /**
   * The candidate behaves the same within the margin in both directions (TOST): for changes meant
   * to preserve behaviour, such as quantization or a serving-stack swap. An improvement beyond the
   * margin is also a change.
   */
  EQUIVALENCE("equivalence");

  private final String key;

  Mode(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }
}
