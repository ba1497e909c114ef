package dev.backslide.pipeline;

import dev.backslide.endpoint.EndpointSpec;
import dev.backslide.endpoint.Role;
import dev.backslide.report.DetectorDisagreements;
import dev.backslide.run.RunResult;
import dev.backslide.verdict.GateVerdict;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one gate run produced, for the adapter that shows it.
 *
 * @param run every pair and both endpoints' reports
 * @param verdict the gate's verdict; when recording a baseline, RECORDED (as PASS) or ERROR
 * @param summaryFile where the run was written: {@code summary.json}, or the recorded {@code
 *     baseline.json}
 * @param reference the reference as it was actually used (a baseline's recorded endpoint, for
 *     instance)
 * @param candidate the candidate as it was actually used
 * @param disagreements where the scoring refusal detector and the keyword detector disagree; null
 *     when recording a baseline
 * @param scoredBy the refusal detector that scored the answers ("embedded", "keyword+judge",
 *     "judge+embedded"...); null when recording a baseline
 */
public record GateOutcome(
    RunResult run,
    GateVerdict verdict,
    Path summaryFile,
    EndpointSpec reference,
    EndpointSpec candidate,
    DetectorDisagreements.@Nullable Result disagreements,
    @Nullable String scoredBy) {
  public GateOutcome {
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(summaryFile, "summaryFile");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(candidate, "candidate");
    if (reference.role() != Role.REFERENCE || candidate.role() != Role.CANDIDATE) {
      throw new IllegalArgumentException(
          "the outcome's endpoints must be the reference and the candidate but were "
              + reference.role()
              + " and "
              + candidate.role());
    }
  }
}
