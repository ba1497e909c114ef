package dev.backslide.input;

import java.util.Objects;

/**
 * One problem in user input, with where it is and what is expected.
 *
 * @param source a file path as the user wrote it, a property name, or an environment variable
 * @param line 1-based line, or 0 when the source has no lines
 * @param column 1-based column, or 0 when unknown
 * @param message what is wrong and what to do
 */
public record Problem(String source, int line, int column, String message) {
  public Problem {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(message, "message");
  }

  /** A problem with no position, such as a system property. */
  public static Problem of(String source, String message) {
    return new Problem(source, 0, 0, message);
  }

  /** {@code file:line:column: message}, the form compilers use and IDEs link. */
  @Override
  public String toString() {
    if (line <= 0) {
      return source + ": " + message;
    }
    return source + ":" + line + ":" + column + ": " + message;
  }
}
