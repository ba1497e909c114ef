package dev.backslide.run;

import dev.backslide.compare.EarlyStopRecord;
import dev.backslide.compare.ItemResult;
import dev.backslide.compare.Pair;
import dev.backslide.compare.SampleResult;
import dev.backslide.compare.StoppingRule;
import dev.backslide.config.Sampling;
import dev.backslide.endpoint.CallResult;
import dev.backslide.endpoint.ChatEndpoint;
import dev.backslide.endpoint.ChatRequest;
import dev.backslide.endpoint.EndpointDescription;
import dev.backslide.endpoint.EndpointUnavailableException;
import dev.backslide.endpoint.Role;
import dev.backslide.score.Score;
import dev.backslide.score.Scorer;
import dev.backslide.task.Axis;
import dev.backslide.task.ChatMessage;
import dev.backslide.task.Generation;
import dev.backslide.task.Item;
import dev.backslide.task.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Sends every item of every task to both endpoints at once (each bounded by its own concurrency),
 * scores each answer off the HTTP threads, and pairs the results item by item. A failed call is
 * kept as a failure, never scored; an endpoint that cannot be reached at all is not called, and
 * every one of its items is recorded as a failure naming it.
 */
public final class GateRunner {
  private final ChatEndpoint reference;
  private final ChatEndpoint candidate;
  private final Function<Task, Scorer> scorers;
  private final Sampling sampling;
  private final ExecutorService scoring;
  private final Progress progress;
  private final Responses responses;
  private final Consumer<Pair> paired;

  /**
   * @param reference the reference endpoint
   * @param candidate the candidate endpoint
   * @param scorers the scorer of each task
   * @param sampling run-wide generation overrides
   * @param scoring where scoring runs (never on HTTP threads)
   * @param progress told of every finished call
   */
  public GateRunner(
      ChatEndpoint reference,
      ChatEndpoint candidate,
      Function<Task, Scorer> scorers,
      Sampling sampling,
      ExecutorService scoring,
      Progress progress) {
    this(reference, candidate, scorers, sampling, scoring, progress, Responses.NONE);
  }

  /**
   * @param responses consulted before every call and told every fresh response (journal, baseline,
   *     cache)
   */
  public GateRunner(
      ChatEndpoint reference,
      ChatEndpoint candidate,
      Function<Task, Scorer> scorers,
      Sampling sampling,
      ExecutorService scoring,
      Progress progress,
      Responses responses) {
    this(reference, candidate, scorers, sampling, scoring, progress, responses, pair -> {});
  }

  private GateRunner(
      ChatEndpoint reference,
      ChatEndpoint candidate,
      Function<Task, Scorer> scorers,
      Sampling sampling,
      ExecutorService scoring,
      Progress progress,
      Responses responses,
      Consumer<Pair> paired) {
    this.responses = responses;
    this.reference = reference;
    this.candidate = candidate;
    this.scorers = scorers;
    this.sampling = sampling;
    this.scoring = scoring;
    this.progress = progress;
    this.paired = paired;
  }

  /**
   * This runner, also telling {@code listener} of each pair as soon as both its sides are scored
   * (on the scoring thread that finished it; the run waits for the listener).
   */
  public GateRunner whenPaired(Consumer<Pair> listener) {
    return new GateRunner(
        reference, candidate, scorers, sampling, scoring, progress, responses, listener);
  }

  /** Runs every item of {@code tasks} on both endpoints and waits for all of them. */
  public RunResult run(List<Task> tasks) {
    return run(tasks, StoppingRule.NEVER, 1);
  }

  /**
   * Runs the items of {@code tasks} in {@code looks} equal groups, in a stable pseudo-random order
   * (by a hash of task and item id, so each group is a fair sample of every axis), and asks {@code
   * rule} after each group whether the run may stop.
   */
  public RunResult run(List<Task> tasks, StoppingRule rule, int looks) {
    Instant started = Instant.now();
    long start = System.nanoTime();
    // both endpoints are described (GET /models) at once: each may take a connection's set-up
    CompletableFuture<Side> describing = CompletableFuture.supplyAsync(() -> new Side(candidate));
    Side ref = new Side(reference);
    Side cand;
    try {
      cand = describing.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
    String blocked = ref.unavailable != null ? ref.unavailable : cand.unavailable;
    ref.blocked = blocked;
    cand.blocked = blocked;
    int calls = tasks.stream().mapToInt(t -> t.items().size() * generation(t).samples()).sum();
    progress.start(calls);
    List<Planned> plan = new ArrayList<>();
    for (Task task : tasks) {
      for (Item item : task.items()) {
        plan.add(new Planned(plan.size(), task, item));
      }
    }
    List<Planned> order = new ArrayList<>(plan);
    if (looks > 1) {
      order.sort(Comparator.comparingLong(Planned::hash).thenComparingInt(Planned::index));
    }
    Map<Task, Scorer> scorerOf = new LinkedHashMap<>();
    for (Task task : tasks) {
      scorerOf.put(task, scorers.apply(task));
    }
    Pair[] done = new Pair[plan.size()];
    EarlyStopRecord stop = null;
    int asked = 0;
    for (int look = 1; look <= looks && stop == null; look++) {
      int end =
          look == looks ? order.size() : (int) Math.round((double) order.size() * look / looks);
      List<CompletableFuture<Pair>> futures = new ArrayList<>();
      for (Planned p : order.subList(asked, end)) {
        Generation generation = generation(p.task());
        Scorer scorer = scorerOf.get(p.task());
        CompletableFuture<ItemResult> a = ref.ask(p.task(), p.item(), generation, scorer);
        CompletableFuture<ItemResult> b = cand.ask(p.task(), p.item(), generation, scorer);
        futures.add(
            a.thenCombine(
                b,
                (x, y) -> {
                  Pair pair = new Pair(p.task(), p.item(), x, y);
                  done[p.index()] = pair;
                  paired.accept(pair);
                  return pair;
                }));
      }
      futures.forEach(CompletableFuture::join);
      asked = end;
      if (look < looks) {
        Map<Axis, Integer> remaining = new EnumMap<>(Axis.class);
        for (Planned p : order.subList(asked, order.size())) {
          remaining.merge(p.task().axis(), 1, Integer::sum);
        }
        List<Pair> soFar = Arrays.stream(done).filter(Objects::nonNull).toList();
        stop = rule.check(soFar, remaining, look, looks, plan.size()).orElse(null);
      }
    }
    if (stop != null) {
      progress.stoppedEarly(
          stop.look(),
          order.subList(0, asked).stream().mapToInt(p -> generation(p.task()).samples()).sum());
    }
    progress.finish();
    List<Pair> pairs = Arrays.stream(done).filter(Objects::nonNull).toList();
    return new RunResult(
        started,
        Duration.ofNanos(System.nanoTime() - start),
        tasks,
        ref.report(),
        cand.report(),
        pairs,
        stop,
        plan.size());
  }

  /** One item in the plan: its place in task order and a stable hash for the look order. */
  private record Planned(int index, Task task, Item item) {
    long hash() {
      return ItemHash.of(task.id(), item.id());
    }
  }

  private Generation generation(Task task) {
    return sampling.apply(task.generation());
  }

  static List<ChatMessage> messages(Generation generation, Item item) {
    if (generation.system() == null) {
      return item.messages();
    }
    List<ChatMessage> messages = new ArrayList<>();
    messages.add(ChatMessage.system(generation.system()));
    messages.addAll(item.messages());
    return messages;
  }

  /** One endpoint's side of the run. */
  private final class Side {
    final ChatEndpoint endpoint;
    final @Nullable EndpointDescription description;
    final @Nullable String unavailable;
    final Set<String> fingerprints = ConcurrentHashMap.newKeySet();
    @Nullable String blocked;

    Side(ChatEndpoint endpoint) {
      this.endpoint = endpoint;
      EndpointDescription d = null;
      String u = null;
      try {
        d = endpoint.describe();
      } catch (EndpointUnavailableException e) {
        u = e.getMessage();
      }
      this.description = d;
      this.unavailable = u;
    }

    CompletableFuture<ItemResult> ask(Task task, Item item, Generation generation, Scorer scorer) {
      Role role = endpoint.spec().role();
      List<CompletableFuture<SampleResult>> samples = new ArrayList<>();
      for (int k = 0; k < generation.samples(); k++) {
        int sample = k;
        ChatRequest request = new ChatRequest(messages(generation, item), generation, sample);
        CompletableFuture<CallResult> call;
        var recorded = responses.recorded(role, task, item, sample, request);
        if (recorded.isPresent()) {
          call = CompletableFuture.completedFuture(recorded.get());
        } else if (blocked != null) {
          call = CompletableFuture.completedFuture(notCalled());
        } else {
          call =
              endpoint
                  .complete(request)
                  .thenApply(
                      result -> {
                        if (result.attempts() > 0) {
                          responses.record(role, task, item, sample, request, result);
                        }
                        return result;
                      });
        }
        samples.add(
            call.thenApplyAsync(
                result -> {
                  progress.done(role, result.ok());
                  if (!result.ok()) {
                    return new SampleResult(sample, result, null);
                  }
                  var completion = result.completion();
                  if (completion.systemFingerprint() != null) {
                    fingerprints.add(completion.systemFingerprint());
                  }
                  Score score = scorer.score(item, completion.content());
                  if (completion.truncated()) {
                    score =
                        new Score(
                            score.value(),
                            score.outcome(),
                            score.reason()
                                + " (finish_reason length: the answer was cut off at max tokens)");
                  }
                  return new SampleResult(sample, result, score);
                },
                scoring));
      }
      return CompletableFuture.allOf(samples.toArray(CompletableFuture[]::new))
          .thenApply(
              v -> new ItemResult(role, samples.stream().map(CompletableFuture::join).toList()));
    }

    CallResult notCalled() {
      String detail = unavailable != null ? unavailable : "because " + blocked;
      return CallResult.notCalled(endpoint.spec(), detail);
    }

    EndpointReport report() {
      return new EndpointReport(
          endpoint.spec(),
          description,
          unavailable,
          new TreeSet<>(fingerprints).stream().toList(),
          endpoint.stats());
    }
  }
}
