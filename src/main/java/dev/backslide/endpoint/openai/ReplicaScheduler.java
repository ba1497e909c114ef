package dev.backslide.endpoint.openai;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Decides when and where each request goes: at most {@code maxInFlight} in flight over all replicas
 * (a hard cap), each replica at most its {@link AdaptiveLimit}, always to the least loaded healthy
 * replica with room, and a retry to another replica than the one that just failed when one has
 * room. Work that cannot start waits in a FIFO queue and starts as soon as a slot is released. When
 * every replica is taken out, requests go to them all the same (and fail or succeed there) rather
 * than wait forever. Never blocks a thread; starts work outside its lock.
 */
final class ReplicaScheduler {
  /** How an attempt ended, for the limit and the replica's health. */
  enum Outcome {
    /** A 2xx answer. */
    ANSWERED,
    /** 429: the replica asks for fewer requests. */
    RATE_LIMITED,
    /** A connection failure, timeout or 5xx: the replica may be unwell. */
    FAILED,
    /** Anything else (another 4xx, a body that is not a completion): says nothing of load. */
    NEUTRAL
  }

  private record Waiting(@Nullable Replica avoid, Consumer<Replica> start) {}

  private final List<Replica> replicas;
  private final int maxInFlight;
  private final LongSupplier clock;
  private final Deque<Waiting> waiting = new ArrayDeque<>();
  private int inFlight;
  private int peak;
  private long ejections;

  /**
   * @param bases the replicas' base URLs, in order
   * @param maxInFlight the hard cap over all replicas
   * @param adaptive whether each replica's limit adapts
   * @param tolerance the latency climb that lowers a limit; 0 to ignore latency
   * @param clock {@link System#nanoTime()}, or a test's clock
   */
  ReplicaScheduler(
      List<String> bases, int maxInFlight, boolean adaptive, double tolerance, LongSupplier clock) {
    if (bases.isEmpty()) {
      throw new IllegalArgumentException("an endpoint needs at least one base URL");
    }
    List<Replica> list = new ArrayList<>();
    for (int i = 0; i < bases.size(); i++) {
      list.add(new Replica(i, bases.get(i), new AdaptiveLimit(maxInFlight, adaptive, tolerance)));
    }
    this.replicas = List.copyOf(list);
    this.maxInFlight = maxInFlight;
    this.clock = clock;
  }

  /**
   * Runs {@code start} with the chosen replica now if there is room, else when there is.
   *
   * @param avoid the replica the previous attempt failed on, or null
   */
  void submit(@Nullable Replica avoid, Consumer<Replica> start) {
    Replica chosen;
    synchronized (this) {
      chosen = waiting.isEmpty() ? choose(avoid) : null;
      if (chosen == null) {
        waiting.addLast(new Waiting(avoid, start));
        return;
      }
    }
    start.accept(chosen);
  }

  /**
   * Frees the slot of an attempt on {@code replica}, learns from how it ended, and starts what
   * waits.
   *
   * @param sentAt {@link System#nanoTime()} when the attempt was sent
   * @param outputTokens the completion's output tokens when answered, else -1
   */
  void release(Replica replica, Outcome outcome, long sentAt, int outputTokens) {
    List<Runnable> ready = new ArrayList<>();
    synchronized (this) {
      long now = clock.getAsLong();
      boolean saturated = replica.inFlight >= replica.limit.current() || inFlight >= maxInFlight;
      inFlight--;
      replica.inFlight--;
      switch (outcome) {
        case ANSWERED -> {
          replica.succeeded();
          replica.limit.onAnswer(sentAt, now, outputTokens, saturated);
        }
        case RATE_LIMITED -> replica.limit.onRateLimited(sentAt, now);
        case FAILED -> {
          if (replicas.size() > 1 && replica.failed(now)) {
            ejections++;
          }
        }
        case NEUTRAL -> {}
      }
      while (!waiting.isEmpty()) {
        Waiting next = waiting.peekFirst();
        Replica chosen = choose(next.avoid());
        if (chosen == null) {
          break;
        }
        waiting.pollFirst();
        ready.add(() -> next.start().accept(chosen));
      }
    }
    ready.forEach(Runnable::run);
  }

  /** The replica for the next request, counted in; null when none has room. Holds the lock. */
  private @Nullable Replica choose(@Nullable Replica avoid) {
    if (inFlight >= maxInFlight) {
      return null;
    }
    long now = clock.getAsLong();
    Replica best = pick(avoid, now, true);
    if (best == null && avoid != null) {
      best = pick(null, now, true);
    }
    if (best == null && replicas.stream().noneMatch(r -> r.healthy(now))) {
      best = pick(null, now, false); // all taken out: better to try than to wait forever
    }
    if (best != null) {
      inFlight++;
      best.inFlight++;
      peak = Math.max(peak, inFlight);
    }
    return best;
  }

  private @Nullable Replica pick(@Nullable Replica avoid, long now, boolean healthyOnly) {
    Replica best = null;
    for (Replica r : replicas) {
      if (r == avoid || !r.hasRoom() || healthyOnly && !r.healthy(now)) {
        continue;
      }
      if (best == null || r.load() < best.load()) {
        best = r;
      }
    }
    return best;
  }

  synchronized int peak() {
    return peak;
  }

  synchronized int inFlight() {
    return inFlight;
  }

  /** The current limit of each replica, in order. */
  synchronized List<Integer> limits() {
    return replicas.stream().map(r -> r.limit.current()).toList();
  }

  /** How often each replica answered, in order. */
  synchronized List<Long> answered() {
    return replicas.stream().map(r -> r.answered).toList();
  }

  /** How many times a replica was taken out. */
  synchronized long ejections() {
    return ejections;
  }

  /** How many times a limit was lowered, over all replicas. */
  synchronized long decreases() {
    return replicas.stream().mapToLong(r -> r.limit.decreases()).sum();
  }
}
