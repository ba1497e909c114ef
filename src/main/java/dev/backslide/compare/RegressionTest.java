package dev.backslide.compare;

/** Which one-sided McNemar p-value the regression test uses (STATISTICS.md section 3). */
public enum RegressionTest {
  /** Exact conditional McNemar: P(Bin(b + c, 1/2) >= b). Conservative. */
  EXACT("exact"),
  /** Mid-p McNemar: the exact p minus half the point probability (Fagerland et al. 2013). */
  MID_P("midp");

  private final String key;

  RegressionTest(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }
}
