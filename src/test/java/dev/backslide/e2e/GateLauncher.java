package dev.backslide.e2e;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Runs the release gate test class the way Surefire does, in its own JVM, and exits 1 when any gate
 * test failed (as {@code mvn test} would), 0 otherwise. The end-to-end tests start it as a child
 * process so that exit codes, stdout, summary.json and allure-results are all real.
 */
public final class GateLauncher {
  private GateLauncher() {}

  public static void main(String[] args) {
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectClass("dev.backslide.gate.ReleaseGateTests"))
            .build();
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    launcher.execute(request, summary);
    var result = summary.getSummary();
    result
        .getFailures()
        .forEach(
            f ->
                System.out.println(
                    "GATE-FAILURE "
                        + f.getTestIdentifier().getDisplayName()
                        + " :: "
                        + f.getException().getMessage()));
    System.out.println(
        "GATE-RESULT tests="
            + result.getTestsFoundCount()
            + " failed="
            + result.getTotalFailureCount()
            + " skipped="
            + result.getTestsAbortedCount());
    System.out.flush();
    System.exit(result.getTotalFailureCount() > 0 ? 1 : 0);
  }
}
