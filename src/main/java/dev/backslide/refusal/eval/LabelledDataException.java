package dev.backslide.refusal.eval;

import java.util.List;

/** A labelled-data file with problems; carries every problem, each with its file and line. */
public final class LabelledDataException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final List<String> problems;

  public LabelledDataException(String source, List<String> problems) {
    super(
        problems.size()
            + (problems.size() == 1 ? " problem in " : " problems in ")
            + source
            + ":\n  "
            + String.join("\n  ", problems));
    this.source = source;
    this.problems = List.copyOf(problems);
  }

  public String source() {
    return source;
  }

  /** Each problem as "file:line: message". */
  public List<String> problems() {
    return problems;
  }
}
