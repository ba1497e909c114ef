package dev.backslide.junit;

import dev.backslide.config.Settings;
import dev.backslide.endpoint.EndpointSpec;
import dev.backslide.endpoint.Role;
import dev.backslide.pipeline.GateOutcome;
import dev.backslide.pipeline.GateRun;
import dev.backslide.report.ConsoleSummary;
import dev.backslide.report.ContrastPairs;
import dev.backslide.report.DetectorDisagreements;
import dev.backslide.report.ServingWarnings;
import dev.backslide.run.RunResult;
import dev.backslide.verdict.GateVerdict;
import java.io.PrintStream;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * One gate run as the tests see it: its settings and its {@link GateOutcome} (every pair, the
 * verdict, where it was written). The run itself is {@link GateRun}'s; built once per test run and
 * shared through the JUnit store, the session only adds that closing it prints the console summary.
 */
public final class GateSession implements AutoCloseable {
  private final Settings settings;
  private final GateOutcome outcome;
  private final PrintStream out;

  private GateSession(Settings settings, GateOutcome outcome, PrintStream out) {
    this.settings = settings;
    this.outcome = outcome;
    this.out = out;
  }

  /** Runs the whole gate with {@code settings}: tasks, endpoints, scores, verdict, summary.json. */
  public static GateSession run(Settings settings, Path projectDir, PrintStream out) {
    return new GateSession(settings, GateRun.execute(settings, projectDir, out), out);
  }

  /** Where the scoring refusal detector and the keyword detector disagree; null when recording. */
  public DetectorDisagreements.@Nullable Result disagreements() {
    return outcome.disagreements();
  }

  /** The reference as it was actually used (a baseline's recorded endpoint, for instance). */
  public EndpointSpec reference() {
    return outcome.reference();
  }

  /** The candidate as it was actually used. */
  public EndpointSpec candidate() {
    return outcome.candidate();
  }

  public Settings settings() {
    return settings;
  }

  public RunResult run() {
    return outcome.run();
  }

  public GateVerdict verdict() {
    return outcome.verdict();
  }

  public Path summaryFile() {
    return outcome.summaryFile();
  }

  /** Prints the summary table and the overall verdict. */
  @Override
  public void close() {
    RunResult run = outcome.run();
    out.println("[backslide] " + ContrastPairs.of(run.pairs()).describe());
    DetectorDisagreements.Result disagreements = outcome.disagreements();
    if (disagreements != null) {
      out.println(
          "[backslide] refusal detectors disagree (scored by the "
              + outcome.scoredBy()
              + " detector, second opinion "
              + disagreements.secondOpinion()
              + "): reference "
              + disagreements.count(Role.REFERENCE)
              + " of "
              + disagreements.judged().get(Role.REFERENCE)
              + ", candidate "
              + disagreements.count(Role.CANDIDATE)
              + " of "
              + disagreements.judged().get(Role.CANDIDATE));
    }
    for (String warning : ServingWarnings.of(run)) {
      out.println("[backslide] WARNING: " + warning);
    }
    out.print(
        ConsoleSummary.render(
            outcome.verdict(), outcome.reference().model(), outcome.candidate().model()));
    out.println("[backslide] summary: " + outcome.summaryFile());
    out.flush();
  }
}
