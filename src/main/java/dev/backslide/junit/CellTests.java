package dev.backslide.junit;

import dev.backslide.compare.Pair;
import dev.backslide.report.CellReport;
import dev.backslide.task.Axis;
import dev.backslide.task.Task;
import dev.backslide.verdict.CellVerdict;
import io.qameta.allure.Allure;
import io.qameta.allure.SeverityLevel;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * Turns a gate run into JUnit dynamic tests: one container per axis, one test per cell that asserts
 * the cell's verdict with its reason as the message, and the Allure labels, parameters and
 * attachments of each cell.
 */
public final class CellTests {
  private CellTests() {}

  /** The container of {@code axis}: one dynamic test per cell, total first. */
  public static Stream<DynamicNode> of(GateSession session, Axis axis) {
    var cells = session.verdict().cells().stream().filter(c -> c.key().axis() == axis).toList();
    if (cells.isEmpty()) {
      return Stream.empty();
    }
    return Stream.of(
        DynamicContainer.dynamicContainer(
            axis.key(),
            session.settings().tasks().toUri(),
            cells.stream().map(cell -> test(session, cell))));
  }

  /**
   * One test per endpoint that fails when its share of failed calls exceeds {@code
   * backslide.maxErrorRate}: too many lost items make every verdict doubtful.
   */
  public static Stream<DynamicNode> endpoints(GateSession session) {
    double budget = session.settings().policy().maxErrorRate();
    Stream<DynamicNode> detectors =
        session.disagreements() == null
            ? Stream.empty()
            : Stream.of(
                DynamicTest.dynamicTest(
                    "refusal detectors: " + session.disagreements().all().size() + " disagreements",
                    () -> {
                      Allure.epic("endpoints");
                      Allure.feature("refusal detectors");
                      Allure.description(
                          "Answers on which the scoring detector ("
                              + session.settings().detector()
                              + ") and the second opinion ("
                              + session.disagreements().secondOpinion()
                              + ") disagree. Read them before acting on a safety or over-refusal"
                              + " verdict: a candidate that only rewords its refusals can move a"
                              + " detector.");
                      Allure.addAttachment(
                          "detector disagreements",
                          "text/html",
                          dev.backslide.report.DetectorDisagreements.html(session.disagreements()),
                          ".html");
                    }));
    return Stream.concat(detectors, endpointTests(session, budget));
  }

  private static Stream<DynamicNode> endpointTests(GateSession session, double budget) {
    return session.verdict().errors().stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.role() + " endpoint: " + e.failed() + " of " + e.calls() + " calls failed",
                    () -> {
                      Allure.epic("endpoints");
                      Allure.feature(e.role().key());
                      Allure.parameter(
                          "url",
                          (e.role() == dev.backslide.endpoint.Role.REFERENCE
                                  ? session.reference()
                                  : session.candidate())
                              .url()
                              .toString());
                      if (e.rate() > budget) {
                        throw new EndpointErrorException(
                            String.format(
                                java.util.Locale.ROOT,
                                "Endpoint errors: the %s endpoint failed %d of %d calls (%.1f%% >"
                                    + " %.1f%% allowed by backslide.maxErrorRate)%s",
                                e.role(),
                                e.failed(),
                                e.calls(),
                                100 * e.rate(),
                                100 * budget,
                                e.examples().isEmpty() ? "" : "; first: " + e.examples().get(0)));
                      }
                    }));
  }

  private static DynamicTest test(GateSession session, CellVerdict cell) {
    Task task = dominantTask(cell);
    String name =
        cell.key().axis().key()
            + " / "
            + cell.key().category()
            + " (n="
            + (cell.statistics() == null ? 0 : cell.statistics().n())
            + "): "
            + cell.verdict();
    return DynamicTest.dynamicTest(name, task.file().toUri(), () -> check(session, cell, task));
  }

  private static void check(GateSession session, CellVerdict cell, Task dominant) {
    Axis axis = cell.key().axis();
    String referenceModel = session.reference().model();
    String candidateModel = session.candidate().model();
    Allure.epic(axis.key());
    Allure.feature(cell.key().category());
    long fromDominant = cell.cell().pairs().stream().filter(p -> p.task() == dominant).count();
    if (fromDominant * 2 > cell.cell().pairs().size()) {
      Allure.story(dominant.id());
    }
    Allure.label(
        "severity", (axis == Axis.SAFETY ? SeverityLevel.CRITICAL : SeverityLevel.NORMAL).value());
    Allure.parameter("reference", referenceModel);
    Allure.parameter("candidate", candidateModel);
    Allure.description(cell.reason());
    CellReport report = new CellReport(cell, referenceModel, candidateModel);
    Allure.addAttachment("contingency table and rates", "text/plain", report.table(), ".txt");
    Allure.addAttachment("flipped items", "text/html", report.flipsHtml(), ".html");
    String prefix = prefix(axis);
    switch (cell.verdict()) {
      case FAIL -> throw new AssertionError(prefix + ": " + cell.reason());
      case ERROR -> throw new EndpointErrorException("Endpoint errors: " + cell.reason());
      case INCONCLUSIVE -> Assumptions.abort("Inconclusive: " + cell.reason());
      case WARN, PASS -> {}
    }
  }

  private static String prefix(Axis axis) {
    return switch (axis) {
      case CAPABILITY -> "Capability regression";
      case SAFETY -> "Safety regression";
      case OVER_REFUSAL -> "Over-refusal regression";
    };
  }

  private static Task dominantTask(CellVerdict cell) {
    Map<Task, Long> counts =
        cell.cell().pairs().stream()
            .collect(Collectors.groupingBy(Pair::task, Collectors.counting()));
    return counts.entrySet().stream()
        .max(
            Map.Entry.<Task, Long>comparingByValue()
                .thenComparing(e -> e.getKey().id(), (a, b) -> b.compareTo(a)))
        .map(Map.Entry::getKey)
        .orElseThrow();
  }
}
