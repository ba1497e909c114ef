package dev.backslide.task.source;

import dev.backslide.input.Problem;
import dev.backslide.input.Problems;
import org.jspecify.annotations.Nullable;

/** Problems in a dataset file, each naming the record, its line and the field. */
final class ImportProblems {
  private final Problems problems;

  ImportProblems(Problems problems) {
    this.problems = problems;
  }

  String source() {
    return problems.source();
  }

  /** "file:LINE:1: record N, field 'F': message". */
  void at(int record, int line, @Nullable String field, String message) {
    problems.add(
        new Problem(
            problems.source(),
            line,
            1,
            "record "
                + record
                + (field == null ? "" : ", field '" + field + "'")
                + ": "
                + message));
  }

  void at(DatasetRecord record, @Nullable String field, String message) {
    at(record.number(), record.line(), field, message);
  }

  void file(int line, String message) {
    problems.add(new Problem(problems.source(), line, line > 0 ? 1 : 0, message));
  }

  boolean isEmpty() {
    return problems.isEmpty();
  }
}
