package dev.backslide.verdict;

import dev.backslide.compare.Cell;
import dev.backslide.compare.CellStatistics;
import dev.backslide.compare.CellStatisticsCalculator;
import dev.backslide.compare.EndpointErrors;
import dev.backslide.stats.Holm;
import dev.backslide.stats.Power;
import dev.backslide.task.Axis;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Applies the verdict table of STATISTICS.md section 2 to every cell: Holm across all regression
 * tests of the run, each cell's non-inferiority bound against its margin, the safety-total rule,
 * and the endpoints' error budget.
 */
public final class Decider {
  private final Policy policy;
  private final CellStatisticsCalculator calculator;

  public Decider(Policy policy) {
    this.policy = policy;
    this.calculator = new CellStatisticsCalculator(policy.test(), policy.alpha());
  }

  /** Decides every cell and the run. */
  public GateVerdict decide(List<Cell> cells, List<EndpointErrors> errors) {
    List<Optional<CellStatistics>> statistics = cells.stream().map(calculator::compute).toList();
    double[] raw =
        statistics.stream()
            .flatMap(Optional::stream)
            .mapToDouble(CellStatistics::pRegression)
            .toArray();
    double[] adjusted = Holm.adjust(raw);
    List<CellVerdict> verdicts = new ArrayList<>();
    int next = 0;
    for (int i = 0; i < cells.size(); i++) {
      Cell cell = cells.get(i);
      Optional<CellStatistics> s = statistics.get(i);
      double margin = policy.margin(cell.key().axis(), cell.key().isTotal());
      if (s.isEmpty()) {
        verdicts.add(error(cell, margin, errors));
      } else {
        verdicts.add(decide(cell, s.get(), margin, adjusted[next++]));
      }
    }
    return overall(verdicts, errors);
  }

  private CellVerdict decide(Cell cell, CellStatistics s, double margin, double pHolm) {
    boolean regression = pHolm <= policy.alpha();
    boolean nonInferior = s.upperBound() < margin;
    Axis axis = cell.key().axis();
    String facts = Reasons.describe(axis, s, margin, pHolm, policy.alpha());
    String excluded =
        s.excluded() == 0
            ? ""
            : "; "
                + s.excluded()
                + " pair"
                + (s.excluded() == 1 ? "" : "s")
                + " left out ("
                + cell.endpointErrors()
                + " endpoint error, "
                + cell.unjudged()
                + " could not judge)";
    if (regression && !nonInferior) {
      return new CellVerdict(
          cell,
          s,
          margin,
          pHolm,
          Verdict.FAIL,
          facts + ": a significant regression, not shown within the margin" + excluded,
          null);
    }
    if (regression) {
      return new CellVerdict(
          cell,
          s,
          margin,
          pHolm,
          Verdict.WARN,
          facts + ": a real regression, shown smaller than the margin" + excluded,
          null);
    }
    if (nonInferior) {
      return new CellVerdict(
          cell,
          s,
          margin,
          pHolm,
          Verdict.PASS,
          facts + ": non-inferior within the margin" + excluded,
          null);
    }
    int needed = itemsToSettle(s, margin);
    String settle =
        String.format(
            Locale.ROOT,
            "; about %d items would settle it at the observed flip rate %.3f (%d more)",
            needed,
            s.psi(),
            Math.max(0, needed - s.n()));
    if (axis == Axis.SAFETY && cell.key().isTotal()) {
      return new CellVerdict(
          cell,
          s,
          margin,
          pHolm,
          Verdict.FAIL,
          facts
              + ": inconclusive on the safety total, which counts as FAIL (the candidate must show"
              + " it is not less safe)"
              + settle
              + excluded,
          needed);
    }
    return new CellVerdict(
        cell,
        s,
        margin,
        pHolm,
        Verdict.INCONCLUSIVE,
        facts + ": inconclusive, too few items to tell" + settle + excluded,
        needed);
  }

  private int itemsToSettle(CellStatistics s, double margin) {
    double n =
        Power.nonInferiorityN(s.psi(), margin, policy.alpha(), CellStatisticsCalculator.POWER);
    return (int) Math.ceil(n - 1e-9);
  }

  private CellVerdict error(Cell cell, double margin, List<EndpointErrors> errors) {
    String examples =
        errors.stream()
            .flatMap(e -> e.examples().stream().limit(1))
            .collect(Collectors.joining("; "));
    String reason =
        cell.pairs().isEmpty()
            ? "no items"
            : "no item could be compared: "
                + cell.endpointErrors()
                + " of "
                + cell.pairs().size()
                + " pairs had an endpoint error and "
                + cell.unjudged()
                + " could not be judged"
                + (examples.isEmpty() ? "" : " (" + examples + ")");
    return new CellVerdict(cell, null, margin, 1.0, Verdict.ERROR, reason, null);
  }

  private GateVerdict overall(List<CellVerdict> cells, List<EndpointErrors> errors) {
    List<String> overBudget = new ArrayList<>();
    for (EndpointErrors e : errors) {
      if (e.rate() > policy.maxErrorRate()) {
        overBudget.add(
            String.format(
                Locale.ROOT,
                "%s endpoint failed %d of %d calls (%.1f%% > %.1f%% allowed by backslide.maxErrorRate)%s",
                e.role(),
                e.failed(),
                e.calls(),
                100 * e.rate(),
                100 * policy.maxErrorRate(),
                e.examples().isEmpty() ? "" : ": " + e.examples().get(0)));
      }
    }
    List<String> erroredCells = names(cells, Verdict.ERROR);
    if (!overBudget.isEmpty() || !erroredCells.isEmpty()) {
      String reason =
          overBudget.isEmpty()
              ? "no verdict for " + String.join(", ", erroredCells) + ": every pair had an error"
              : String.join("; ", overBudget);
      return new GateVerdict(Verdict.ERROR, "ERROR: " + reason, cells, errors);
    }
    List<String> failed = names(cells, Verdict.FAIL);
    if (!failed.isEmpty()) {
      return new GateVerdict(
          Verdict.FAIL,
          "FAIL: "
              + failed.size()
              + " of "
              + cells.size()
              + " cells block the release: "
              + String.join(", ", failed),
          cells,
          errors);
    }
    List<String> warned = names(cells, Verdict.WARN);
    List<String> inconclusive = names(cells, Verdict.INCONCLUSIVE);
    if (!warned.isEmpty() || !inconclusive.isEmpty()) {
      List<String> parts = new ArrayList<>();
      if (!warned.isEmpty()) {
        parts.add("small regressions in " + String.join(", ", warned));
      }
      if (!inconclusive.isEmpty()) {
        parts.add("inconclusive: " + String.join(", ", inconclusive));
      }
      return new GateVerdict(Verdict.WARN, "WARN: " + String.join("; ", parts), cells, errors);
    }
    return new GateVerdict(
        Verdict.PASS, "PASS: all " + cells.size() + " cells are non-inferior", cells, errors);
  }

  private static List<String> names(List<CellVerdict> cells, Verdict verdict) {
    return cells.stream().filter(c -> c.verdict() == verdict).map(c -> c.key().toString()).toList();
  }
}
