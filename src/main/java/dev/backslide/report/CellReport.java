package dev.backslide.report;

import dev.backslide.compare.CellStatistics;
import dev.backslide.compare.ItemResult;
import dev.backslide.compare.Pair;
import dev.backslide.compare.SampleResult;
import dev.backslide.verdict.CellVerdict;
import java.util.List;
import java.util.Locale;

/** The attachments of one cell: its contingency table and rates, and its flipped items. */
public final class CellReport {
  private final CellVerdict verdict;
  private final String referenceModel;
  private final String candidateModel;

  public CellReport(CellVerdict verdict, String referenceModel, String candidateModel) {
    this.verdict = verdict;
    this.referenceModel = referenceModel;
    this.candidateModel = candidateModel;
  }

  /** A plain-text contingency table with rates, intervals and tests. */
  public String table() {
    CellStatistics s = verdict.statistics();
    StringBuilder out = new StringBuilder();
    out.append("cell: ").append(verdict.key()).append('\n');
    out.append("verdict: ").append(verdict.verdict()).append('\n');
    out.append("reason: ").append(verdict.reason()).append("\n\n");
    if (s == null) {
      out.append("no usable pairs: ")
          .append(verdict.cell().endpointErrors())
          .append(" endpoint errors, ")
          .append(verdict.cell().unjudged())
          .append(" could not be judged\n");
      return out.toString();
    }
    if (s.binary()) {
      out.append(
          String.format(Locale.ROOT, "%-24s %14s %14s%n", "", "candidate ok", "candidate not"));
      out.append(
          String.format(Locale.ROOT, "%-24s %14d %14d%n", "reference ok", s.bothOk(), (int) s.b()));
      out.append(
          String.format(
              Locale.ROOT, "%-24s %14d %14d%n%n", "reference not", (int) s.c(), s.bothFailed()));
    }
    out.append(
        String.format(
            Locale.ROOT,
            "reference (%s): %.4f  95%% [%.4f, %.4f]%n",
            referenceModel,
            s.referenceRate(),
            s.referenceInterval().lower(),
            s.referenceInterval().upper()));
    out.append(
        String.format(
            Locale.ROOT,
            "candidate (%s): %.4f  95%% [%.4f, %.4f]%n",
            candidateModel,
            s.candidateRate(),
            s.candidateInterval().lower(),
            s.candidateInterval().upper()));
    out.append(
        String.format(
            Locale.ROOT,
            "n %d (excluded %d), delta %.4f, one-sided upper bound %.4f, margin %.4f%n",
            s.n(),
            s.excluded(),
            s.delta(),
            s.upperBound(),
            verdict.margin()));
    out.append(
        String.format(
            Locale.ROOT,
            "test %s: p %.4g, Holm p %.4g; flip rate %.4f; MDE (power 0.8) %.4f%n",
            s.test(),
            s.pRegression(),
            verdict.pHolm(),
            s.psi(),
            s.mde()));
    out.append("why this test: ").append(s.why()).append('\n');
    out.append(
        String.format(
            Locale.ROOT,
            "k (samples per item) %d; clusters %s; lower bound %.4f; p of an improvement %.4g%s%n",
            s.samples(),
            s.clusters() == 0 ? "none" : Integer.toString(s.clusters()),
            s.lowerBound(),
            s.pImprovement(),
            s.seed() == null ? "" : "; permutation seed " + s.seed()));
    if (verdict.itemsToSettle() != null) {
      out.append("items that would settle it: ").append(verdict.itemsToSettle()).append('\n');
    }
    return out.toString();
  }

  /** The pairs on which the endpoints disagree, regressions first, with both responses. */
  public List<Pair> flips() {
    return verdict.cell().usable().stream()
        .filter(p -> Flip.of(p) != null)
        .sorted(java.util.Comparator.comparing((Pair p) -> Flip.of(p)).thenComparing(Pair::id))
        .toList();
  }

  /** An HTML page listing every flipped item with both responses side by side; all text escaped. */
  public String flipsHtml() {
    var axis = verdict.key().axis();
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>")
        .append(
            "body{font-family:sans-serif;font-size:13px}table{border-collapse:collapse;width:100%}")
        .append("td,th{border:1px solid #ccc;padding:4px;vertical-align:top;text-align:left}")
        .append(
            "pre{white-space:pre-wrap;margin:0}.regressed{background:#fde8e8}.improved{background:#e8f6e8}")
        .append("</style></head><body>");
    html.append("<h3>")
        .append(Html.escape(verdict.key().toString()))
        .append(": items the endpoints disagree on</h3>");
    List<Pair> flips = flips();
    if (flips.isEmpty()) {
      html.append("<p>No item flipped.</p>");
    } else {
      html.append("<table><tr><th>item</th><th>flip</th><th>request</th><th>reference (")
          .append(Html.escape(referenceModel))
          .append(")</th><th>candidate (")
          .append(Html.escape(candidateModel))
          .append(")</th></tr>");
      for (Pair p : flips) {
        Flip flip = Flip.of(p);
        html.append("<tr class=\"")
            .append(flip.name().toLowerCase(Locale.ROOT))
            .append("\"><td>")
            .append(Html.escape(p.id()))
            .append("</td><td>")
            .append(Html.escape(flip.label(axis)))
            .append("</td><td><pre>")
            .append(Html.escape(p.item().prompt()))
            .append("</pre></td><td>")
            .append(cell(p.reference()))
            .append("</td><td>")
            .append(cell(p.candidate()))
            .append("</td></tr>");
      }
      html.append("</table>");
    }
    List<Pair> excluded =
        verdict.cell().pairs().stream().filter(p -> p.exclusion().isPresent()).toList();
    if (!excluded.isEmpty()) {
      html.append(
          "<h3>Left out of the test</h3><table><tr><th>item</th><th>why</th><th>reference</th><th>candidate</th></tr>");
      for (Pair p : excluded) {
        html.append("<tr><td>")
            .append(Html.escape(p.id()))
            .append("</td><td>")
            .append(Html.escape(p.exclusion().orElse("")))
            .append("</td><td>")
            .append(cell(p.reference()))
            .append("</td><td>")
            .append(cell(p.candidate()))
            .append("</td></tr>");
      }
      html.append("</table>");
    }
    return html.append("</body></html>").toString();
  }

  private static String cell(ItemResult result) {
    StringBuilder out = new StringBuilder();
    for (SampleResult sample : result.samples()) {
      if (result.samples().size() > 1) {
        out.append("<b>sample ").append(sample.sample()).append("</b><br>");
      }
      if (sample.score() == null) {
        out.append("<i>error: ")
            .append(Html.escape(sample.call().failure().message()))
            .append("</i>");
      } else {
        out.append("<b>")
            .append(Html.escape(sample.score().outcome().key()))
            .append("</b>: ")
            .append(Html.escape(sample.score().reason()))
            .append(" <small>(")
            .append(Html.escape(sample.call().replica()))
            .append(")</small>")
            .append("<pre>")
            .append(Html.escape(sample.call().completion().content()))
            .append("</pre>");
      }
    }
    return out.toString();
  }
}
