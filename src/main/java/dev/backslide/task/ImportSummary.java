package dev.backslide.task;

import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a task read from its dataset: nothing is dropped silently, every record is either imported
 * or skipped for a stated reason.
 *
 * @param format the importer, e.g. {@code xstest}
 * @param file the dataset file as shown in messages
 * @param read records read
 * @param imported records that became items
 * @param skipped records skipped, by reason, in the order the reasons were first met
 */
public record ImportSummary(
    String format, String file, int read, int imported, Map<String, Integer> skipped) {
  public ImportSummary {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(file, "file");
    skipped = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(skipped));
    int skippedTotal = skipped.values().stream().mapToInt(Integer::intValue).sum();
    if (imported + skippedTotal != read) {
      throw new IllegalArgumentException(
          "read " + read + " records but imported " + imported + " and skipped " + skippedTotal);
    }
  }

  /**
   * "xstest tasks/x.csv: read 450 records, imported 250, skipped 200 (label unsafe belongs to a
   * safety task: 200)".
   */
  @Override
  public String toString() {
    String text = format + " " + file + ": read " + read + " records, imported " + imported;
    int skippedTotal = read - imported;
    if (skippedTotal == 0) {
      return text + ", skipped 0";
    }
    return text
        + ", skipped "
        + skippedTotal
        + " ("
        + skipped.entrySet().stream()
            .map(e -> e.getKey() + ": " + e.getValue())
            .collect(Collectors.joining("; "))
        + ")";
  }
}
