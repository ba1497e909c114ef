package dev.backslide.report;

import dev.backslide.compare.CellStatistics;
import dev.backslide.compare.EndpointErrors;
import dev.backslide.verdict.CellVerdict;
import dev.backslide.verdict.GateVerdict;
import java.util.Locale;

/** The summary table printed at the end of a run: one row per cell, then the overall verdict. */
public final class ConsoleSummary {
  private ConsoleSummary() {}

  public static String render(GateVerdict verdict, String referenceModel, String candidateModel) {
    StringBuilder out = new StringBuilder();
    out.append("\nBackslide: candidate ")
        .append(candidateModel)
        .append(" vs reference ")
        .append(referenceModel)
        .append('\n');
    String format = "%-12s %-24s %6s %8s %8s %17s %7s %9s  %s%n";
    out.append(
        String.format(
            Locale.ROOT,
            format,
            "axis",
            "category",
            "n",
            "ref",
            "cand",
            "delta [95% bound]",
            "margin",
            "Holm p",
            "verdict"));
    for (CellVerdict cell : verdict.cells()) {
      CellStatistics s = cell.statistics();
      out.append(
          String.format(
              Locale.ROOT,
              format,
              cell.key().axis().key(),
              clip(cell.key().category(), 24),
              s == null ? "0" : Integer.toString(s.n()),
              s == null ? "-" : pct(s.referenceRate()),
              s == null ? "-" : pct(s.candidateRate()),
              s == null
                  ? "-"
                  : String.format(
                      Locale.ROOT, "%+.1f [%+.1f]", 100 * s.delta(), 100 * s.upperBound()),
              String.format(Locale.ROOT, "%.1f", 100 * cell.margin()),
              s == null ? "-" : p(cell.pHolm()),
              cell.verdict()));
    }
    for (EndpointErrors e : verdict.errors()) {
      out.append(
          String.format(
              Locale.ROOT,
              "%s: %d calls, %d failed (%.1f%%)%s%n",
              e.role(),
              e.calls(),
              e.failed(),
              100 * e.rate(),
              e.byKind().isEmpty() ? "" : " " + e.byKind()));
    }
    var look = WhereToLook.of(verdict.cells(), 0.05);
    if (!look.isEmpty()) {
      out.append("where to look (Benjamini-Hochberg q <= 0.05, does not affect the verdict): ");
      out.append(
          String.join(
              ", ",
              look.stream()
                  .map(e -> e.cell() + String.format(Locale.ROOT, " (q %.2g)", e.q()))
                  .toList()));
      out.append('\n');
    }
    out.append("verdict: ").append(verdict.reason()).append('\n');
    return out.toString();
  }

  private static String pct(double rate) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * rate);
  }

  private static String p(double p) {
    if (p < Double.MIN_NORMAL) {
      return "<1e-300";
    }
    return p < 0.001
        ? String.format(Locale.ROOT, "%.1e", p)
        : String.format(Locale.ROOT, "%.3f", p);
  }

  private static String clip(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 1) + "~";
  }
}
