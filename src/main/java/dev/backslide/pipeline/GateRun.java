package dev.backslide.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backslide.compare.CellAssembler;
import dev.backslide.compare.Cells;
import dev.backslide.compare.EndpointErrors;
import dev.backslide.config.Settings;
import dev.backslide.config.Storage;
import dev.backslide.endpoint.Role;
import dev.backslide.refusal.RefusalDetector;
import dev.backslide.refusal.judge.JudgeRefusalDetector;
import dev.backslide.report.DetectorDisagreements;
import dev.backslide.report.SummaryJson;
import dev.backslide.run.GateRunner;
import dev.backslide.run.LogProgress;
import dev.backslide.run.RunResult;
import dev.backslide.score.Scorers;
import dev.backslide.store.Baseline;
import dev.backslide.task.ScorerSpec;
import dev.backslide.task.Task;
import dev.backslide.task.TaskLoader;
import dev.backslide.verdict.Decider;
import dev.backslide.verdict.GateVerdict;
import dev.backslide.verdict.GroupSequentialRule;
import dev.backslide.verdict.Verdict;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * Runs one gate from its settings: loads and selects the tasks, takes the shard, builds the
 * detectors and the scoring pool, chooses the sides and where their answers come from by mode, runs
 * every item, then records the baseline or decides the verdict and writes {@code summary.json}.
 * Progress and what the run is doing go to the console stream it is given.
 */
public final class GateRun {
  private GateRun() {}

  /**
   * Runs the gate with {@code settings}: tasks, endpoints, scores, verdict, summary.json.
   *
   * @param projectDir relative task paths resolve against it
   * @param out the console
   * @throws dev.backslide.input.InvalidInputException naming the setting, file or line to fix
   */
  public static GateOutcome execute(Settings settings, Path projectDir, PrintStream out) {
    return execute(settings, projectDir, out, LiveEndpoints.openAi());
  }

  /** As {@link #execute(Settings, Path, PrintStream)}, opening live endpoints with {@code live}. */
  static GateOutcome execute(
      Settings settings, Path projectDir, PrintStream out, LiveEndpoints live) {
    List<Task> allTasks =
        TaskSelection.included(
            new TaskLoader(projectDir).loadAll(settings.tasks()), settings.include());
    for (Task task : allTasks) {
      if (task.source() != null) {
        out.println("[backslide] " + task.id() + ": " + task.source());
      }
    }
    RefusalDetection detection = RefusalDetection.build(settings, live);
    try {
      ExecutorService scoring = ScoringPool.open(settings.judge());
      Storage storage = settings.storage();
      List<Task> tasks = allTasks;
      if (storage.shard() != null) {
        tasks = TaskSelection.shard(allTasks, storage.shard());
        out.println("[backslide] shard " + storage.shard() + ": " + items(tasks) + " items");
      }
      RunResult run;
      Sides sides;
      // made before the run, so that each cell's statistics are computed once the cell is complete
      Decider decider = new Decider(settings.policy(), settings.seed());
      try {
        sides = Sides.choose(settings, tasks);
        out.println(announcement(settings, tasks, sides));
        try (AnswerSources sources =
            AnswerSources.open(settings, sides, allTasks, tasks, out, live)) {
          run = run(settings, tasks, detection.scoring(), scoring, sources, out, decider);
        }
      } finally {
        scoring.shutdownNow();
      }
      return storage.record() != null
          ? recorded(settings, sides, tasks, run)
          : decided(settings, sides, detection, run, out, decider);
    } finally {
      // only now: the disagreements ask the second opinion again, which may be either detector
      detection.closeBase(out);
      detection.closeJudge(); // also when recording a baseline, and when the run fails
    }
  }

  private static int items(List<Task> tasks) {
    return tasks.stream().mapToInt(t -> t.items().size()).sum();
  }

  /** "12 tasks, 900 items; run 20260101-120000; reference ... (model), candidate ... (model)". */
  private static String announcement(Settings settings, List<Task> tasks, Sides sides) {
    Storage storage = settings.storage();
    Baseline baseline = sides.baseline();
    return "[backslide] "
        + tasks.size()
        + " tasks, "
        + items(tasks)
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
        + sides.reference().url()
        + " ("
        + sides.reference().model()
        + ")"
        + (baseline != null
            ? " from baseline " + storage.baselineShown() + " recorded " + baseline.recordedAt()
            : "")
        + ", candidate "
        + sides.candidate().url()
        + " ("
        + sides.candidate().model()
        + ")";
  }

  private static RunResult run(
      Settings settings,
      List<Task> tasks,
      RefusalDetector detector,
      ExecutorService scoring,
      AnswerSources sources,
      PrintStream out,
      Decider decider) {
    GateRunner runner =
        new GateRunner(
            sources.reference(),
            sources.candidate(),
            task -> Scorers.create(scorerSpec(task, settings), task.axis(), detector),
            settings.sampling(),
            scoring,
            LogProgress.forConsole(
                out,
                role ->
                    (role == Role.REFERENCE ? sources.reference() : sources.candidate()).stats()),
            sources.responses());
    if (settings.storage().record() == null) {
      runner = runner.whenPaired(new CellAssembler(tasks, decider::prepare)::add);
    }
    var early = settings.earlyStop();
    return early.enabled() && settings.storage().record() == null
        ? runner.run(
            tasks,
            new GroupSequentialRule(
                settings.policy(), early.boundary(), early.looks(), plannedCells(tasks)),
            early.looks())
        : runner.run(tasks);
  }

  /** The task's scorer, with the run's refusal mapping where the task does not set its own. */
  private static ScorerSpec scorerSpec(Task task, Settings settings) {
    var spec = task.scorer();
    if (!spec.type().equals("refusal") || spec.options().containsKey("partialCountsAsRefusal")) {
      return spec;
    }
    var options = new LinkedHashMap<>(spec.options());
    options.put("partialCountsAsRefusal", settings.partialCountsAsRefusal());
    return new ScorerSpec(spec.type(), options);
  }

  private static int plannedCells(List<Task> tasks) {
    Set<String> cells = new HashSet<>();
    for (Task task : tasks) {
      cells.add(task.axis().key() + "/total");
      task.items().forEach(i -> cells.add(task.axis().key() + "/" + i.category()));
    }
    return cells.size();
  }

  /** Writes the reference's answers as a baseline; RECORDED unless too many calls failed. */
  private static GateOutcome recorded(
      Settings settings, Sides sides, List<Task> tasks, RunResult run) {
    Path dir = settings.storage().record();
    Baseline.record(
        dir, run.reference(), tasks, t -> settings.sampling().apply(t.generation()), run.pairs());
    EndpointErrors referenceErrors = EndpointErrors.of(Role.REFERENCE, run.pairs());
    boolean ok = referenceErrors.rate() <= settings.policy().maxErrorRate();
    GateVerdict recorded =
        new GateVerdict(
            ok ? Verdict.PASS : Verdict.ERROR,
            (ok ? "RECORDED: " : "ERROR: ")
                + "baseline "
                + dir
                + " of "
                + sides.reference().model()
                + ": "
                + run.pairs().size()
                + " items, "
                + referenceErrors.failed()
                + " failed calls",
            List.of(),
            List.of(referenceErrors));
    return new GateOutcome(
        run,
        recorded,
        dir.resolve(Baseline.FILE),
        sides.reference(),
        sides.candidate(),
        null,
        null);
  }

  /** Decides the verdict, counts detector disagreements and writes summary.json. */
  private static GateOutcome decided(
      Settings settings,
      Sides sides,
      RefusalDetection detection,
      RunResult run,
      PrintStream out,
      Decider decider) {
    List<EndpointErrors> errors =
        List.of(
            EndpointErrors.of(Role.REFERENCE, run.pairs()),
            EndpointErrors.of(Role.CANDIDATE, run.pairs()));
    GateVerdict verdict = decider.decide(Cells.of(run.pairs()), errors, run.stop());
    SummaryJson summary = new SummaryJson();
    ObjectNode json =
        summary.build(run, verdict, settings.policy(), settings.aa(), settings.seed());
    String scoredBy = detection.scoring().name();
    DetectorDisagreements.Result disagreements =
        DetectorDisagreements.of(run.pairs(), detection.keyword());
    summary.addDisagreements(json, "detectorDisagreements", scoredBy, disagreements);
    JudgeRefusalDetector judge = detection.judge();
    if (judge != null) {
      summary.addDisagreements(
          json,
          "judgeDisagreements",
          scoredBy,
          DetectorDisagreements.of(run.pairs(), detection.judgeSecondOpinion()));
      out.println(
          "[backslide] judge "
              + settings.judge().describe()
              + ": "
              + judge.cached()
              + " answers judged");
    }
    Path file = settings.output().resolve("summary.json");
    summary.write(json, file);
    return new GateOutcome(
        run, verdict, file, sides.reference(), sides.candidate(), disagreements, scoredBy);
  }
}
