package dev.backslide.input;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown once all problems of some input have been collected; carries every one of them. */
public final class InvalidInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  public InvalidInputException(String what, List<Problem> problems) {
    super(format(what, problems));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String format(String what, List<Problem> problems) {
    String header =
        problems.size() == 1 ? "1 problem in " + what : problems.size() + " problems in " + what;
    return header + ":\n" + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
  }
}
