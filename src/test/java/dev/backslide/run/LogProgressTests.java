package dev.backslide.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backslide.endpoint.EndpointStats;
import dev.backslide.endpoint.Role;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LogProgressTests {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void printsAPlainLinePerIntervalAndAFinalLineWithoutCarriageReturns() throws Exception {
    LogProgress progress = new LogProgress(out, Duration.ofMillis(50));
    progress.start(4);
    progress.done(Role.REFERENCE, true);
    progress.done(Role.CANDIDATE, false);
    Thread.sleep(180);
    progress.finish();
    String[] lines = printed().split("\n");
    assertThat(lines.length).isGreaterThanOrEqualTo(3);
    assertThat(printed()).doesNotContain("\r").doesNotContain("\u001b");
    assertThat(lines[lines.length - 1])
        .matches(
            "\\[backslide] reference 1/4 \\([0-9.]+/s, ETA [0-9]+s, 0 failed\\)"
                + " \\| candidate 1/4 \\([0-9.]+/s, ETA [0-9]+s, 1 failed\\)");
  }

  @Test
  void showsRetriesWhenTheEndpointsTrafficIsGiven() {
    LogProgress progress =
        new LogProgress(
            out,
            Duration.ofSeconds(10),
            role ->
                new EndpointStats(
                    3, role == Role.REFERENCE ? 5 : 3, role == Role.REFERENCE ? 2 : 0, 0, 2, 0));
    progress.start(3);
    for (int i = 0; i < 3; i++) {
      progress.done(Role.REFERENCE, true);
    }
    progress.finish();
    assertThat(printed())
        .matches(
            "\\[backslide] reference 3/3 \\([0-9.]+/s, ETA 0s, 0 failed, 2 retries\\)"
                + " \\| candidate 0/3 \\(0\\.0/s, ETA \\?, 0 failed, 0 retries\\)\n");
  }

  @Test
  void aRunStoppedEarlyEndsWithEveryCallAskedDoneAndSaysHowMuchOfThePlanItAsked() {
    LogProgress progress = new LogProgress(out, Duration.ofSeconds(10));
    progress.start(12);
    for (int i = 0; i < 4; i++) {
      progress.done(Role.REFERENCE, true);
      progress.done(Role.CANDIDATE, i > 0);
    }
    progress.stoppedEarly(1, 4);
    progress.finish();
    assertThat(printed())
        .matches(
            "\\[backslide] reference 4/4 \\([0-9.]+/s, ETA 0s, 0 failed\\)"
                + " \\| candidate 4/4 \\([0-9.]+/s, ETA 0s, 1 failed\\)"
                + " \\| stopped early at look 1: 4 of 12 planned calls\n");
  }

  @Test
  void theTerminalLineOfARunStoppedEarlyEndsWithEveryCallAskedDone() {
    TerminalProgress progress = new TerminalProgress(out, Duration.ofSeconds(10), null);
    progress.start(6);
    for (int i = 0; i < 2; i++) {
      progress.done(Role.REFERENCE, true);
      progress.done(Role.CANDIDATE, true);
    }
    progress.stoppedEarly(1, 2);
    progress.finish();
    String last = printed().substring(printed().lastIndexOf('\r'));
    assertThat(last)
        .startsWith("\r[backslide] reference 2/2 (")
        .contains(" | candidate 2/2 (")
        .endsWith(" | stopped early at look 1: 2 of 6 planned calls\u001b[K\n");
  }

  @Test
  void theTerminalLineIsRedrawnInPlaceAndEndsWithANewline() {
    TerminalProgress progress = new TerminalProgress(out, Duration.ofSeconds(10), null);
    progress.start(2);
    progress.done(Role.REFERENCE, true);
    progress.finish();
    assertThat(printed()).startsWith("\r[backslide] reference ").endsWith("\u001b[K\n");
  }

  @Test
  void withoutAConsoleTheGateGetsThePlainLine() {
    // surefire's forked JVM has no console, like CI
    assertThat(LogProgress.forConsole(out, role -> new EndpointStats(0, 0, 0, 0, 0, 0)))
        .isInstanceOf(LogProgress.class);
  }
}
