package dev.backslide.task.source;

/** A dataset file that cannot be read at all, with the line where reading stopped. */
final class DatasetException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int line;

  DatasetException(int line, String message) {
    super(message);
    this.line = line;
  }

  int line() {
    return line;
  }
}
