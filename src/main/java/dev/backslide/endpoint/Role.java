package dev.backslide.endpoint;

/** Which side of the comparison an endpoint plays. */
public enum Role {
  REFERENCE("reference"),
  CANDIDATE("candidate");

  private final String key;

  Role(String key) {
    this.key = key;
  }

  /** The name used in settings ({@code backslide.reference.url}) and in {@code summary.json}. */
  public String key() {
    return key;
  }

  @Override
  public String toString() {
    return key;
  }
}
