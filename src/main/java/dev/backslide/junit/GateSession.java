package dev.backslide.junit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backslide.compare.Cells;
import dev.backslide.compare.EndpointErrors;
import dev.backslide.config.Settings;
import dev.backslide.endpoint.ChatEndpoint;
import dev.backslide.endpoint.EndpointSpec;
import dev.backslide.endpoint.OfflineEndpoint;
import dev.backslide.endpoint.Role;
import dev.backslide.endpoint.openai.OpenAiChatEndpoint;
import dev.backslide.input.InvalidInputException;
import dev.backslide.input.Problem;
import dev.backslide.refusal.KeywordRefusalDetector;
import dev.backslide.refusal.RefusalDetector;
import dev.backslide.refusal.RefusalDetectors;
import dev.backslide.report.ConsoleSummary;
import dev.backslide.report.DetectorDisagreements;
import dev.backslide.report.SummaryJson;
import dev.backslide.run.GateRunner;
import dev.backslide.run.LogProgress;
import dev.backslide.run.Responses;
import dev.backslide.run.RunResult;
import dev.backslide.score.Scorers;
import dev.backslide.store.Baseline;
import dev.backslide.store.Journal;
import dev.backslide.task.Task;
import dev.backslide.task.TaskLoader;
import dev.backslide.verdict.Decider;
import dev.backslide.verdict.GateVerdict;
import dev.backslide.verdict.GroupSequentialRule;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * One gate run: settings, tasks, both endpoints, every pair, the verdict, and where it was written.
 * Built once per test run and shared through the JUnit store; closing it prints the console
 * summary.
 */
public final class GateSession implements AutoCloseable {
  private final Settings settings;
  private final RunResult run;
  private final GateVerdict verdict;
  private final Path summaryFile;
  private final PrintStream out;
  private final EndpointSpec referenceSpec;
  private final EndpointSpec candidateSpec;
  private DetectorDisagreements.@Nullable Result disagreements;

  private GateSession(
      Settings settings,
      RunResult run,
      GateVerdict verdict,
      Path summaryFile,
      PrintStream out,
      EndpointSpec referenceSpec,
      EndpointSpec candidateSpec) {
    this.referenceSpec = referenceSpec;
    this.candidateSpec = candidateSpec;
    this.settings = settings;
    this.run = run;
    this.verdict = verdict;
    this.summaryFile = summaryFile;
    this.out = out;
  }

  /** Runs the whole gate with {@code settings}: tasks, endpoints, scores, verdict, summary.json. */
  public static GateSession run(Settings settings, Path projectDir, PrintStream out) {
    List<Task> tasks = select(new TaskLoader(projectDir).loadAll(settings.tasks()), settings);
    List<Task> allTasks = tasks;
    for (Task task : tasks) {
      if (task.source() != null) {
        out.println("[backslide] " + task.id() + ": " + task.source());
      }
    }
    KeywordRefusalDetector keyword = keyword(settings);
    RefusalDetector base =
        settings.detector().equals("keyword") ? keyword : RefusalDetectors.defaultDetector();
    ChatEndpoint judgeEndpoint = settings.judge() == null ? null : endpoint(settings.judge());
    dev.backslide.refusal.judge.JudgeRefusalDetector judge =
        judgeEndpoint == null ? null : RefusalDetectors.judge(judgeEndpoint);
    RefusalDetector detector =
        judge == null
            ? base
            : settings.judgeDecides()
                ? RefusalDetectors.ensemble(judge, base)
                : RefusalDetectors.ensemble(base, judge);
    // Scorers that only compute need a thread per core; a judge is a call that waits, so with one
    // there are as many scoring threads as judge calls may be in flight.
    int scoringThreads =
        Math.max(
            Runtime.getRuntime().availableProcessors(),
            settings.judge() == null ? 1 : settings.judge().concurrency());
    ExecutorService scoring =
        Executors.newFixedThreadPool(
            scoringThreads,
            r -> {
              Thread t = new Thread(r, "backslide-scoring");
              t.setDaemon(true);
              return t;
            });
    var storage = settings.storage();
    if (storage.shard() != null) {
      tasks = shard(tasks, storage.shard());
      out.println(
          "[backslide] shard "
              + storage.shard()
              + ": "
              + tasks.stream().mapToInt(t -> t.items().size()).sum()
              + " items");
    }
    EndpointSpec referenceSpec = settings.reference();
    EndpointSpec candidateSpec = settings.candidate();
    Baseline baseline = null;
    if (storage.offline()) {
      String source = storage.merge().isEmpty() ? storage.runId() : storage.merge().get(0);
      var header = Journal.readHeader(storage.runs().resolve(source));
      referenceSpec =
          offlineSpec(
              Role.REFERENCE,
              header.at("/reference/url").asText(),
              header.at("/reference/model").asText(),
              settings);
      candidateSpec =
          offlineSpec(
              Role.CANDIDATE,
              header.at("/candidate/url").asText(),
              header.at("/candidate/model").asText(),
              settings);
    }
    if (storage.baseline() != null) {
      baseline =
          Baseline.open(
              storage.baseline(),
              storage.baselineShown(),
              tasks,
              t -> settings.sampling().apply(t.generation()));
      referenceSpec = offlineSpec(Role.REFERENCE, baseline.url(), baseline.model(), settings);
    }
    if (storage.record() != null) {
      candidateSpec =
          offlineSpec(
              Role.CANDIDATE, "http://not-called/", "none (recording a baseline)", settings);
    }
    out.println(
        "[backslide] "
            + tasks.size()
            + " tasks, "
            + tasks.stream().mapToInt(t -> t.items().size()).sum()
            + " items; run "
            + storage.runId()
            + (storage.resume()
                ? " (resumed)"
                : storage.rescore()
                    ? " (re-scored, no endpoint is called)"
                    : !storage.merge().isEmpty()
                        ? " (merging shards "
                            + String.join(", ", storage.merge())
                            + ", no endpoint is called)"
                        : "")
            + "; reference "
            + referenceSpec.url()
            + " ("
            + referenceSpec.model()
            + ")"
            + (baseline != null
                ? " from baseline " + storage.baselineShown() + " recorded " + baseline.recordedAt()
                : "")
            + ", candidate "
            + candidateSpec.url()
            + " ("
            + candidateSpec.model()
            + ")");
    RunResult run;
    Journal journal =
        Journal.open(
            storage.runs().resolve(storage.runId()),
            Journal.header(storage.runId(), referenceSpec, candidateSpec, allTasks),
            allTasks,
            out);
    if (journal.resumed() > 0) {
      out.println(
          "[backslide] " + journal.resumed() + " answers taken from the journal " + journal.file());
    }
    Responses responses = baseline == null ? journal : Responses.chain(baseline, journal);
    try (journal;
        ChatEndpoint reference =
            storage.offline()
                ? offline(referenceSpec, "not in the journal of run " + journalsNamed(storage))
                : baseline != null
                    ? new OfflineEndpoint(
                        referenceSpec,
                        baseline.description(),
                        "not in baseline " + storage.baselineShown())
                    : endpoint(referenceSpec);
        ChatEndpoint candidate =
            storage.offline()
                ? offline(candidateSpec, "not in the journal of run " + journalsNamed(storage))
                : storage.record() != null
                    ? offline(candidateSpec, "not asked: recording a baseline")
                    : endpoint(candidateSpec)) {
      for (String shardRun : storage.merge()) {
        responses =
            Responses.chain(
                Journal.open(
                    storage.runs().resolve(shardRun),
                    Journal.header(shardRun, referenceSpec, candidateSpec, tasks),
                    tasks,
                    out),
                responses);
      }
      if (storage.cache() != null && !storage.offline()) {
        responses = Responses.chain(responses, cache(storage.cache(), reference, candidate, out));
      }
      GateRunner runner =
          new GateRunner(
              reference,
              candidate,
              task -> Scorers.create(scorerSpec(task, settings), task.axis(), detector),
              settings.sampling(),
              scoring,
              LogProgress.forConsole(
                  out, role -> (role == Role.REFERENCE ? reference : candidate).stats()),
              responses);
      var early = settings.earlyStop();
      run =
          early.enabled() && storage.record() == null
              ? runner.run(
                  tasks,
                  new GroupSequentialRule(
                      settings.policy(), early.boundary(), early.looks(), plannedCells(tasks)),
                  early.looks())
              : runner.run(tasks);
    } finally {
      scoring.shutdownNow();
      if (base instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          out.println("[backslide] WARNING: could not close the refusal detector: " + e);
        }
      }
    }
    if (storage.record() != null) {
      Baseline.record(
          storage.record(),
          run.reference(),
          tasks,
          t -> settings.sampling().apply(t.generation()),
          run.pairs());
      EndpointErrors referenceErrors = EndpointErrors.of(Role.REFERENCE, run.pairs());
      boolean ok = referenceErrors.rate() <= settings.policy().maxErrorRate();
      GateVerdict recorded =
          new GateVerdict(
              ok ? dev.backslide.verdict.Verdict.PASS : dev.backslide.verdict.Verdict.ERROR,
              (ok ? "RECORDED: " : "ERROR: ")
                  + "baseline "
                  + storage.record()
                  + " of "
                  + referenceSpec.model()
                  + ": "
                  + run.pairs().size()
                  + " items, "
                  + referenceErrors.failed()
                  + " failed calls",
              List.of(),
              List.of(referenceErrors));
      return new GateSession(
          settings,
          run,
          recorded,
          storage.record().resolve(Baseline.FILE),
          out,
          referenceSpec,
          candidateSpec);
    }
    List<EndpointErrors> errors =
        List.of(
            EndpointErrors.of(Role.REFERENCE, run.pairs()),
            EndpointErrors.of(Role.CANDIDATE, run.pairs()));
    GateVerdict verdict =
        new Decider(settings.policy(), settings.seed())
            .decide(Cells.of(run.pairs()), errors, run.stop());
    SummaryJson summary = new SummaryJson();
    ObjectNode json =
        summary.build(run, verdict, settings.policy(), settings.aa(), settings.seed());
    DetectorDisagreements.Result disagreements = DetectorDisagreements.of(run.pairs(), keyword);
    summary.addDisagreements(json, "detectorDisagreements", detector.name(), disagreements);
    if (judge != null) {
      RefusalDetector other = settings.judgeDecides() ? base : judge;
      summary.addDisagreements(
          json,
          "judgeDisagreements",
          detector.name(),
          DetectorDisagreements.of(run.pairs(), other));
      out.println(
          "[backslide] judge "
              + settings.judge().describe()
              + ": "
              + judge.cached()
              + " answers judged");
      judgeEndpoint.close();
    }
    Path file = settings.output().resolve("summary.json");
    summary.write(json, file);
    GateSession session =
        new GateSession(settings, run, verdict, file, out, referenceSpec, candidateSpec);
    session.disagreements = disagreements;
    return session;
  }

  /** The task's scorer, with the run's refusal mapping where the task does not set its own. */
  private static dev.backslide.task.ScorerSpec scorerSpec(Task task, Settings settings) {
    var spec = task.scorer();
    if (!spec.type().equals("refusal") || spec.options().containsKey("partialCountsAsRefusal")) {
      return spec;
    }
    var options = new java.util.LinkedHashMap<>(spec.options());
    options.put("partialCountsAsRefusal", settings.partialCountsAsRefusal());
    return new dev.backslide.task.ScorerSpec(spec.type(), options);
  }

  private static String journalsNamed(dev.backslide.config.Storage storage) {
    return storage.merge().isEmpty() ? storage.runId() : String.join(", ", storage.merge());
  }

  /** The items of {@code tasks} in {@code shard}; task versions and hashes are unchanged. */
  private static List<Task> shard(List<Task> tasks, dev.backslide.config.Shard shard) {
    return tasks.stream()
        .map(
            t ->
                new Task(
                    t.id(),
                    t.version(),
                    t.axis(),
                    t.category(),
                    t.description(),
                    t.generation(),
                    t.scorer(),
                    t.items().stream()
                        .filter(i -> shard.contains(dev.backslide.run.ItemHash.of(t.id(), i.id())))
                        .toList(),
                    t.file(),
                    t.sha256(),
                    t.source()))
        .filter(t -> !t.items().isEmpty())
        .toList();
  }

  private static Responses cache(
      Path dir, ChatEndpoint reference, ChatEndpoint candidate, PrintStream out) {
    java.util.Map<Role, EndpointSpec> specs = new java.util.EnumMap<>(Role.class);
    java.util.Map<Role, dev.backslide.endpoint.EndpointDescription> descriptions =
        new java.util.EnumMap<>(Role.class);
    for (ChatEndpoint endpoint : List.of(reference, candidate)) {
      specs.put(endpoint.spec().role(), endpoint.spec());
      try {
        descriptions.put(endpoint.spec().role(), endpoint.describe());
      } catch (dev.backslide.endpoint.EndpointUnavailableException e) {
        // the run will report it; nothing can be cached for an endpoint that is down
      }
    }
    out.println("[backslide] response cache on: " + dir + " (clear it with rm -rf " + dir + ")");
    return new dev.backslide.store.ResponseCache(dir, specs, descriptions);
  }

  private static EndpointSpec offlineSpec(Role role, String url, String model, Settings settings) {
    var base = settings.reference();
    return new EndpointSpec(
        role, java.net.URI.create(url), model, null, 1, base.timeout(), 0, base.retryBase());
  }

  private static ChatEndpoint offline(EndpointSpec spec, String why) {
    return new OfflineEndpoint(
        spec, OfflineEndpoint.describe(spec.url().toString(), spec.model(), why), why);
  }

  private static int plannedCells(List<Task> tasks) {
    java.util.Set<String> cells = new java.util.HashSet<>();
    for (Task task : tasks) {
      cells.add(task.axis().key() + "/total");
      task.items().forEach(i -> cells.add(task.axis().key() + "/" + i.category()));
    }
    return cells.size();
  }

  static ChatEndpoint endpoint(EndpointSpec spec) {
    String key = spec.apiKeyEnv() == null ? null : System.getenv(spec.apiKeyEnv());
    return new OpenAiChatEndpoint(spec, key);
  }

  private static KeywordRefusalDetector keyword(Settings settings) {
    if (settings.refusalPhrases() == null) {
      return KeywordRefusalDetector.defaults();
    }
    try {
      List<String> extra =
          Files.readAllLines(settings.refusalPhrases(), StandardCharsets.UTF_8).stream()
              .map(String::strip)
              .filter(s -> !s.isEmpty() && !s.startsWith("#"))
              .toList();
      return KeywordRefusalDetector.defaults().withExtraPhrases(extra);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + settings.refusalPhrases(), e);
    }
  }

  private static List<Task> select(List<Task> all, Settings settings) {
    if (settings.include().isEmpty()) {
      return all;
    }
    List<Task> selected = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (String pattern : settings.include()) {
      var matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
      List<Task> matches = all.stream().filter(t -> matcher.matches(Path.of(t.id()))).toList();
      if (matches.isEmpty()) {
        problems.add(
            Problem.of(
                "backslide.include",
                "'"
                    + pattern
                    + "' matches no task; known tasks: "
                    + String.join(", ", all.stream().map(Task::id).toList())));
      }
      matches.stream().filter(t -> !selected.contains(t)).forEach(selected::add);
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("the configuration", problems);
    }
    return selected;
  }

  /** Where the scoring refusal detector and the keyword detector disagree; null when recording. */
  public DetectorDisagreements.@Nullable Result disagreements() {
    return disagreements;
  }

  /** The reference as it was actually used (a baseline's recorded endpoint, for instance). */
  public EndpointSpec reference() {
    return referenceSpec;
  }

  /** The candidate as it was actually used. */
  public EndpointSpec candidate() {
    return candidateSpec;
  }

  public Settings settings() {
    return settings;
  }

  public RunResult run() {
    return run;
  }

  public GateVerdict verdict() {
    return verdict;
  }

  public Path summaryFile() {
    return summaryFile;
  }

  /** Prints the summary table and the overall verdict. */
  @Override
  public void close() {
    out.println("[backslide] " + dev.backslide.report.ContrastPairs.of(run.pairs()).describe());
    if (disagreements != null) {
      out.println(
          "[backslide] refusal detectors disagree (scored by the "
              + settings.detector()
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
    for (String warning : dev.backslide.report.ServingWarnings.of(run)) {
      out.println("[backslide] WARNING: " + warning);
    }
    out.print(ConsoleSummary.render(verdict, referenceSpec.model(), candidateSpec.model()));
    out.println("[backslide] summary: " + summaryFile);
    out.flush();
  }
}
