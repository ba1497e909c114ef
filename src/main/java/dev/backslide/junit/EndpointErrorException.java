package dev.backslide.junit;

/**
 * Thrown by a cell's test when the endpoints failed too often for a verdict. Not an assertion
 * failure: the report shows it as broken, under "Endpoint errors".
 */
public final class EndpointErrorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EndpointErrorException(String message) {
    super(message);
  }
}
