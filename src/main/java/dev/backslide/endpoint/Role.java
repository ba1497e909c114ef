package dev.backslide.endpoint;

/** Which side of the comparison an endpoint plays. */
public enum Role {
  REFERENCE("reference"),
  CANDIDATE("candidate"),
  /** The optional judge model that labels answers as refusals; it is not compared. */
  JUDGE("judge");

  private final String key;

  Role(String key) {
    this.key = key;
  }

  /** The two sides of every comparison, reference first. */
  public static java.util.List<Role> compared() {
    return java.util.List.of(REFERENCE, CANDIDATE);
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
