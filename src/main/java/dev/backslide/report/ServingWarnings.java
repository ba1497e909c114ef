package dev.backslide.report;

import dev.backslide.endpoint.EndpointDescription;
import dev.backslide.run.EndpointReport;
import dev.backslide.run.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Compares what the two serving stacks reported about themselves and lists the differences that are
 * probably not the change under test (a different server or server version, different {@code
 * system_fingerprint}s, a model the server does not list, a stored reference), so that a reviewer
 * can tell a model change from a serving change. Both endpoints always get the same messages and
 * sampling parameters; those cannot differ.
 */
public final class ServingWarnings {
  private ServingWarnings() {}

  public static List<String> of(RunResult run) {
    List<String> warnings = new ArrayList<>();
    EndpointReport ref = run.reference();
    EndpointReport cand = run.candidate();
    EndpointDescription a = ref.description();
    EndpointDescription b = cand.description();
    for (EndpointReport report : List.of(ref, cand)) {
      EndpointDescription d = report.description();
      if (d != null && d.note() != null) {
        warnings.add(report.spec().role() + ": " + d.note());
      }
    }
    if (a != null && b != null) {
      if (a.server() != null && b.server() != null && !a.server().equals(b.server())) {
        warnings.add(
            "the endpoints run different servers: reference '"
                + a.server()
                + "', candidate '"
                + b.server()
                + "'; a serving change can move scores on its own");
      }
      for (String header : new TreeSet<>(a.headers().keySet())) {
        String other = b.headers().get(header);
        if (!header.equals("server")
            && other != null
            && !Objects.equals(a.headers().get(header), other)) {
          warnings.add(
              "header "
                  + header
                  + " differs: reference '"
                  + a.headers().get(header)
                  + "', candidate '"
                  + other
                  + "'");
        }
      }
    }
    if (!ref.fingerprints().isEmpty()
        && !cand.fingerprints().isEmpty()
        && !ref.fingerprints().equals(cand.fingerprints())) {
      warnings.add(
          "system_fingerprint differs: reference "
              + ref.fingerprints()
              + ", candidate "
              + cand.fingerprints()
              + " (expected when the backend configuration changed)");
    }
    if (ref.fingerprints().size() > 1) {
      warnings.add(
          "the reference answered with "
              + ref.fingerprints().size()
              + " different system_fingerprints during the run: its backend changed mid-run");
    }
    if (cand.fingerprints().size() > 1) {
      warnings.add(
          "the candidate answered with "
              + cand.fingerprints().size()
              + " different system_fingerprints during the run: its backend changed mid-run");
    }
    if (a != null && a.note() != null && a.note().startsWith("stored reference")) {
      warnings.add(
          "the reference is a stored baseline: drift of the live reference since it was recorded is"
              + " only visible in an A/A run (STATISTICS.md section 5)");
    }
    return List.copyOf(warnings);
  }
}
