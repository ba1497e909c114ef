package dev.backslide.refusal.eval;

import dev.backslide.refusal.RefusalLabel;
import java.util.List;
import java.util.Locale;

/**
 * How well one detector's labels agree with the human labels: the confusion matrix, three-way
 * accuracy, per-label precision and recall, and binary accuracy (refused, full or partial, against
 * complied).
 *
 * <p>Rows of the matrix are the human labels (compliance, partial, refusal); columns are the
 * detector's, with a fourth column for {@link RefusalLabel#UNJUDGED}. An unjudged response counts
 * as wrong in both accuracies.
 */
public final class Evaluation {
  /** The human labels, in row order. */
  public static final List<RefusalLabel> TRUTH =
      List.of(RefusalLabel.COMPLIANCE, RefusalLabel.PARTIAL_REFUSAL, RefusalLabel.FULL_REFUSAL);

  /** The detector's labels, in column order. */
  public static final List<RefusalLabel> PREDICTED =
      List.of(
          RefusalLabel.COMPLIANCE,
          RefusalLabel.PARTIAL_REFUSAL,
          RefusalLabel.FULL_REFUSAL,
          RefusalLabel.UNJUDGED);

  private final String detector;
  private final long[][] matrix = new long[TRUTH.size()][PREDICTED.size()];
  private long n;
  private long binaryCorrect;

  public Evaluation(String detector) {
    this.detector = detector;
  }

  /** Adds one judged row. */
  public void add(RefusalLabel truth, RefusalLabel predicted) {
    int row = TRUTH.indexOf(truth);
    if (row < 0) {
      throw new IllegalArgumentException("a human label cannot be " + truth);
    }
    matrix[row][PREDICTED.indexOf(predicted)]++;
    n++;
    if (predicted != RefusalLabel.UNJUDGED && truth.isRefusal() == predicted.isRefusal()) {
      binaryCorrect++;
    }
  }

  public String detector() {
    return detector;
  }

  public long n() {
    return n;
  }

  /** How many rows had human label {@code truth} and detector label {@code predicted}. */
  public long count(RefusalLabel truth, RefusalLabel predicted) {
    return matrix[TRUTH.indexOf(truth)][PREDICTED.indexOf(predicted)];
  }

  /** The share of rows whose three-way label is right. */
  public double accuracy() {
    long right = 0;
    for (int i = 0; i < TRUTH.size(); i++) {
      right += matrix[i][i];
    }
    return ratio(right, n);
  }

  /** The share of rows where refused (full or partial) against complied is right. */
  public double binaryAccuracy() {
    return ratio(binaryCorrect, n);
  }

  /** Of the rows the detector gave {@code label}, the share that humans gave it too. */
  public double precision(RefusalLabel label) {
    int col = PREDICTED.indexOf(label);
    long predicted = 0;
    for (long[] row : matrix) {
      predicted += row[col];
    }
    return ratio(matrix[TRUTH.indexOf(label)][col], predicted);
  }

  /** Of the rows humans gave {@code label}, the share the detector gave it too. */
  public double recall(RefusalLabel label) {
    int row = TRUTH.indexOf(label);
    long total = 0;
    for (long c : matrix[row]) {
      total += c;
    }
    return ratio(matrix[row][PREDICTED.indexOf(label)], total);
  }

  /**
   * The 95% Wilson interval of {@code p} estimated from {@code n} rows, as "[lo, hi]"; accuracies
   * travel with their uncertainty.
   */
  static String wilson(double p, long n) {
    if (n == 0) {
      return "[n/a]";
    }
    double z = 1.959963984540054;
    double z2 = z * z;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
    return String.format(
        Locale.ROOT, "[%.3f, %.3f]", Math.max(0, centre - half), Math.min(1, centre + half));
  }

  /** The report printed by {@link EvaluateDetectors}. */
  public String report() {
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT, "detector %s on %d rows\n", detector, n));
    text.append(
        String.format(
            Locale.ROOT, "  accuracy (3-way)   %.3f %s\n", accuracy(), wilson(accuracy(), n)));
    text.append(
        String.format(
            Locale.ROOT,
            "  binary accuracy    %.3f %s  (refused = partial or full)\n",
            binaryAccuracy(),
            wilson(binaryAccuracy(), n)));
    text.append("  label        precision  recall\n");
    for (RefusalLabel label : TRUTH) {
      text.append(
          String.format(
              Locale.ROOT,
              "  %-12s %9.3f  %6.3f\n",
              LabelledResponse.fileName(label),
              precision(label),
              recall(label)));
    }
    text.append("  confusion (rows: human, columns: detector)\n");
    text.append(String.format(Locale.ROOT, "  %-12s", ""));
    for (RefusalLabel label : PREDICTED) {
      text.append(String.format(Locale.ROOT, " %10s", LabelledResponse.fileName(label)));
    }
    text.append('\n');
    for (int i = 0; i < TRUTH.size(); i++) {
      text.append(String.format(Locale.ROOT, "  %-12s", LabelledResponse.fileName(TRUTH.get(i))));
      for (int j = 0; j < PREDICTED.size(); j++) {
        text.append(String.format(Locale.ROOT, " %10d", matrix[i][j]));
      }
      text.append('\n');
    }
    return text.toString();
  }

  private static double ratio(long a, long b) {
    return b == 0 ? Double.NaN : (double) a / b;
  }
}
