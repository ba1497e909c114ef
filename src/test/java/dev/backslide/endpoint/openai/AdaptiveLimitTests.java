package dev.backslide.endpoint.openai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdaptiveLimitTests {
  private static final long MS = 1_000_000L;

  @Test
  void startsAtTheMaximumAndNeverExceedsIt() {
    AdaptiveLimit limit = new AdaptiveLimit(8, true, 2.0);
    assertThat(limit.current()).isEqualTo(8);
    for (int i = 0; i < 100; i++) {
      limit.onAnswer(i * MS, i * MS + 50 * MS, 10, true);
    }
    assertThat(limit.current()).isEqualTo(8);
  }

  @Test
  void aBurstOf429sToRequestsSentTogetherLowersTheLimitOnce() {
    AdaptiveLimit limit = new AdaptiveLimit(64, true, 2.0);
    for (int i = 0; i < 32; i++) {
      limit.onRateLimited(0, 5 * MS + i);
    }
    assertThat(limit.current()).isEqualTo(48);
    assertThat(limit.decreases()).isEqualTo(1);
    limit.onRateLimited(6 * MS, 7 * MS);
    assertThat(limit.current()).isEqualTo(36);
  }

  @Test
  void climbsBackByAboutOnePerRoundTripOfAnswers() {
    AdaptiveLimit limit = new AdaptiveLimit(32, true, 0);
    limit.onRateLimited(0, 1);
    int lowered = limit.current();
    for (int i = 0; i <= lowered; i++) {
      limit.onAnswer(2, 3, 1, true);
    }
    assertThat(limit.current()).isEqualTo(lowered + 1);
  }

  @Test
  void probesPastTheLimitThatLast429dMoreSlowly() {
    AdaptiveLimit limit = new AdaptiveLimit(64, true, 0);
    limit.onRateLimited(0, 1); // 64 -> 48, ceiling 64
    limit.onRateLimited(2, 3); // 48 -> 36, ceiling 48
    int answers = 0;
    while (limit.current() < 47) {
      limit.onAnswer(4, 5, 1, true);
      answers++;
    }
    assertThat(answers).as("about one per request in flight per step").isBetween(400, 460);
    answers = 0;
    while (limit.current() < 49) {
      limit.onAnswer(4, 5, 1, true);
      answers++;
    }
    // from one below the ceiling on, PROBE_SLOWDOWN times more answers per step: 47 -> 49
    int slow = AdaptiveLimit.PROBE_SLOWDOWN * (47 + 48);
    assertThat(answers).as("beyond the ceiling").isBetween(slow - 5, slow + 5);
  }

  @Test
  void isNotRaisedWhileItIsNotAllInUse() {
    AdaptiveLimit limit = new AdaptiveLimit(32, true, 0);
    limit.onRateLimited(0, 1);
    int lowered = limit.current();
    for (int i = 0; i < 100; i++) {
      limit.onAnswer(2, 3, 1, false);
    }
    assertThat(limit.current()).isEqualTo(lowered);
  }

  @Test
  void neverGoesBelowOne() {
    AdaptiveLimit limit = new AdaptiveLimit(4, true, 0);
    for (int i = 1; i <= 50; i++) {
      limit.onRateLimited(i * 10 * MS, i * 10 * MS + 1);
    }
    assertThat(limit.current()).isEqualTo(1);
  }

  @Test
  void lowersTheLimitWhenLatencyAndLatencyPerTokenBothClimb() {
    AdaptiveLimit limit = new AdaptiveLimit(32, true, 2.0);
    long t = 0;
    for (int i = 0; i < 40; i++, t += MS) {
      limit.onAnswer(t, t + 50 * MS, 20, true);
    }
    assertThat(limit.current()).isEqualTo(32);
    for (int i = 0; i < 140; i++, t += MS) {
      limit.onAnswer(t, t + 300 * MS, 20, true);
    }
    assertThat(limit.current()).as("a climb of less than 3 x 50 ms").isEqualTo(32);
    for (int i = 0; i < 40; i++, t += MS) {
      limit.onAnswer(t, t + 300 * MS, 20, true);
    }
    assertThat(limit.current()).isLessThan(32);
  }

  @Test
  void aClimbOfLessThanATenthOfASecondIsJitter() {
    AdaptiveLimit limit = new AdaptiveLimit(32, true, 2.0);
    long t = 0;
    for (int i = 0; i < 40; i++, t += MS) {
      limit.onAnswer(t, t + 5 * MS, 20, true);
    }
    for (int i = 0; i < 40; i++, t += MS) {
      limit.onAnswer(t, t + 90 * MS, 20, true);
    }
    assertThat(limit.decreases()).isZero();
  }

  @Test
  void longerAnswersAloneAreNotAClimb() {
    AdaptiveLimit limit = new AdaptiveLimit(32, true, 2.0);
    long t = 0;
    for (int i = 0; i < 40; i++, t += MS) {
      limit.onAnswer(t, t + 50 * MS, 1, true);
    }
    for (int i = 0; i < 40; i++, t += MS) {
      limit.onAnswer(t, t + 500 * MS, 100, true); // ten times slower, a hundred times longer
    }
    assertThat(limit.decreases()).isZero();
    assertThat(limit.current()).isEqualTo(32);
  }

  @Test
  void staysAtTheMaximumWhenNotAdaptive() {
    AdaptiveLimit limit = new AdaptiveLimit(16, false, 2.0);
    limit.onRateLimited(0, 1);
    assertThat(limit.current()).isEqualTo(16);
  }
}
