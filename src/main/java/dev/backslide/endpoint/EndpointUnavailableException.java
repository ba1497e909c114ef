package dev.backslide.endpoint;

/**
 * The endpoint cannot be reached at all (connection refused, unknown host): nothing can be asked.
 */
public final class EndpointUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient EndpointSpec spec;

  public EndpointUnavailableException(EndpointSpec spec, String detail, Throwable cause) {
    super(
        spec.describe()
            + " cannot be reached: "
            + detail
            + ". Start the server or fix backslide."
            + spec.role()
            + ".url",
        cause);
    this.spec = spec;
  }

  public EndpointSpec spec() {
    return spec;
  }
}
