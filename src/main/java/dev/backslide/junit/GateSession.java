package dev.backslide.junit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backslide.compare.Cells;
import dev.backslide.compare.EndpointErrors;
import dev.backslide.config.Settings;
import dev.backslide.endpoint.ChatEndpoint;
import dev.backslide.endpoint.EndpointSpec;
import dev.backslide.endpoint.Role;
import dev.backslide.endpoint.openai.OpenAiChatEndpoint;
import dev.backslide.input.InvalidInputException;
import dev.backslide.input.Problem;
import dev.backslide.refusal.KeywordRefusalDetector;
import dev.backslide.refusal.RefusalDetector;
import dev.backslide.report.ConsoleSummary;
import dev.backslide.report.SummaryJson;
import dev.backslide.run.GateRunner;
import dev.backslide.run.LogProgress;
import dev.backslide.run.RunResult;
import dev.backslide.score.Scorers;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

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

  private GateSession(
      Settings settings, RunResult run, GateVerdict verdict, Path summaryFile, PrintStream out) {
    this.settings = settings;
    this.run = run;
    this.verdict = verdict;
    this.summaryFile = summaryFile;
    this.out = out;
  }

  /** Runs the whole gate with {@code settings}: tasks, endpoints, scores, verdict, summary.json. */
  public static GateSession run(Settings settings, Path projectDir, PrintStream out) {
    List<Task> tasks = select(new TaskLoader(projectDir).loadAll(settings.tasks()), settings);
    RefusalDetector detector = detector(settings);
    ExecutorService scoring =
        Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()),
            r -> {
              Thread t = new Thread(r, "backslide-scoring");
              t.setDaemon(true);
              return t;
            });
    out.println(
        "[backslide] "
            + tasks.size()
            + " tasks, "
            + tasks.stream().mapToInt(t -> t.items().size()).sum()
            + " items; reference "
            + settings.reference().url()
            + " ("
            + settings.reference().model()
            + "), candidate "
            + settings.candidate().url()
            + " ("
            + settings.candidate().model()
            + ")");
    RunResult run;
    try (ChatEndpoint reference = endpoint(settings.reference());
        ChatEndpoint candidate = endpoint(settings.candidate())) {
      GateRunner runner =
          new GateRunner(
              reference,
              candidate,
              task -> Scorers.create(task.scorer(), task.axis(), detector),
              settings.sampling(),
              scoring,
              new LogProgress(out, Duration.ofSeconds(10)));
      var early = settings.earlyStop();
      run =
          early.enabled()
              ? runner.run(
                  tasks,
                  new GroupSequentialRule(
                      settings.policy(), early.boundary(), early.looks(), plannedCells(tasks)),
                  early.looks())
              : runner.run(tasks);
    } finally {
      scoring.shutdownNow();
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
    Path file = settings.output().resolve("summary.json");
    summary.write(json, file);
    return new GateSession(settings, run, verdict, file, out);
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

  private static RefusalDetector detector(Settings settings) {
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
    out.print(
        ConsoleSummary.render(verdict, settings.reference().model(), settings.candidate().model()));
    out.println("[backslide] summary: " + summaryFile);
    out.flush();
  }
}
