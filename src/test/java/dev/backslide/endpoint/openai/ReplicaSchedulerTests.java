package dev.backslide.endpoint.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backslide.endpoint.openai.ReplicaScheduler.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReplicaSchedulerTests {
  private final AtomicLong clock = new AtomicLong(1_000);
  private final List<Replica> started = new ArrayList<>();

  private ReplicaScheduler scheduler(int replicas, int max) {
    List<String> bases = new ArrayList<>();
    for (int i = 0; i < replicas; i++) {
      bases.add("http://127.0.0.1:" + (8000 + i) + "/v1/");
    }
    return new ReplicaScheduler(bases, max, true, 0, clock::get);
  }

  private void submit(ReplicaScheduler s, int n) {
    for (int i = 0; i < n; i++) {
      s.submit(null, started::add);
    }
  }

  private long startedOn(int index) {
    return started.stream().filter(r -> r.index == index).count();
  }

  @Test
  void spreadsRequestsOverTheLeastLoadedReplicas() {
    ReplicaScheduler s = scheduler(3, 9);
    submit(s, 9);
    assertThat(List.of(startedOn(0), startedOn(1), startedOn(2))).containsExactly(3L, 3L, 3L);
  }

  @Test
  void theConfiguredConcurrencyIsAHardCapOverAllReplicas() {
    ReplicaScheduler s = scheduler(2, 4);
    submit(s, 10);
    assertThat(started).hasSize(4);
    assertThat(s.inFlight()).isEqualTo(4);
    s.release(started.get(0), Outcome.ANSWERED, 0, 1);
    assertThat(started).hasSize(5);
    assertThat(s.peak()).isEqualTo(4);
  }

  @Test
  void aReplicaThatAnswers429GetsFewerRequests() {
    ReplicaScheduler s = scheduler(2, 20);
    submit(s, 20);
    for (Replica r : List.copyOf(started)) {
      if (r.index == 0) {
        clock.addAndGet(10);
        s.release(r, Outcome.RATE_LIMITED, clock.get() - 5, -1);
      }
    }
    assertThat(s.limits()).containsExactly(1, 20);
    started.clear();
    submit(s, 20);
    assertThat(started).hasSize(10);
    assertThat(startedOn(0)).isEqualTo(1);
  }

  @Test
  void aRetryGoesToAnotherReplicaWhenOneHasRoom() {
    ReplicaScheduler s = scheduler(2, 4);
    submit(s, 1);
    Replica failed = started.get(0);
    s.release(failed, Outcome.FAILED, 0, -1);
    started.clear();
    s.submit(failed, started::add);
    assertThat(started.get(0).index).isNotEqualTo(failed.index);
  }

  @Test
  void aReplicaThatKeepsFailingIsTakenOutForAWhileThenTriedAgain() {
    ReplicaScheduler s = scheduler(2, 8);
    Replica bad = null;
    for (int i = 0; i < Replica.EJECT_AFTER; i++) {
      started.clear();
      submit(s, 2);
      bad = started.stream().filter(r -> r.index == 0).findFirst().orElseThrow();
      Replica good = started.stream().filter(r -> r.index == 1).findFirst().orElseThrow();
      s.release(bad, Outcome.FAILED, 0, -1);
      s.release(good, Outcome.ANSWERED, 0, 1);
    }
    assertThat(s.ejections()).isEqualTo(1);
    started.clear();
    submit(s, 6);
    assertThat(startedOn(0)).isZero();
    assertThat(startedOn(1)).isEqualTo(6);
    started.forEach(r -> s.release(r, Outcome.ANSWERED, 0, 1));

    clock.addAndGet(Replica.FIRST_COOL_DOWN_NANOS);
    started.clear();
    submit(s, 2);
    assertThat(List.of(startedOn(0), startedOn(1))).containsExactly(1L, 1L);
    Replica probe = started.stream().filter(r -> r.index == 0).findFirst().orElseThrow();
    s.release(probe, Outcome.FAILED, 0, -1);
    assertThat(s.ejections()).as("one failure on probation takes it out again").isEqualTo(2);
  }

  @Test
  void whenEveryReplicaIsOutRequestsStillGoRatherThanWaitForever() {
    ReplicaScheduler s = scheduler(2, 4);
    for (int i = 0; i < Replica.EJECT_AFTER; i++) {
      started.clear();
      submit(s, 2);
      started.forEach(r -> s.release(r, Outcome.FAILED, 0, -1));
    }
    assertThat(s.ejections()).isEqualTo(2);
    started.clear();
    submit(s, 2);
    assertThat(started).hasSize(2);
  }
}
