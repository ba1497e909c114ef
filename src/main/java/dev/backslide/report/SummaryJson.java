package dev.backslide.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backslide.compare.CellStatistics;
import dev.backslide.compare.EndpointErrors;
import dev.backslide.endpoint.Role;
import dev.backslide.run.EndpointReport;
import dev.backslide.run.RunResult;
import dev.backslide.score.Outcome;
import dev.backslide.task.Axis;
import dev.backslide.task.Task;
import dev.backslide.verdict.CellVerdict;
import dev.backslide.verdict.GateVerdict;
import dev.backslide.verdict.Policy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes {@code summary.json}, the machine-readable result CI tools read. Its shape is a contract:
 * fields are added, never renamed or removed, and {@code schemaVersion} is bumped when meaning
 * changes. API keys never appear: only the names of the variables that hold them.
 */
public final class SummaryJson {
  /** The version of the format below. */
  public static final int SCHEMA_VERSION = 1;

  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The summary as a JSON tree. */
  public ObjectNode build(RunResult run, GateVerdict verdict, Policy policy) {
    return build(run, verdict, policy, false, 20261128L);
  }

  /**
   * The summary as a JSON tree.
   *
   * @param aa whether the run was an A/A run (the reference against itself)
   * @param seed the seed of permutation tests and A/A resampling
   */
  public ObjectNode build(
      RunResult run, GateVerdict verdict, Policy policy, boolean aa, long seed) {
    ObjectNode root = json.createObjectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.put("verdict", verdict.overall().name());
    root.put("reason", verdict.reason());
    root.put("started", run.started().toString());
    root.put("elapsedSeconds", run.elapsed().toMillis() / 1000.0);
    root.put("mode", aa ? "aa" : policy.mode().key());
    root.put("seed", seed);
    ObjectNode early = root.putObject("earlyStop");
    var stop = run.stop();
    early.put("stopped", stop != null);
    early.put("itemsPlanned", run.planned());
    early.put("itemsAsked", run.pairs().size());
    if (stop != null) {
      early.put("axis", stop.axis().key());
      early.put("look", stop.look());
      early.put("looks", stop.looks());
      early.put("statistic", stop.statistic());
      if (Double.isFinite(stop.boundary())) {
        early.put("boundary", stop.boundary());
      }
      early.put("rule", stop.rule());
      early.put("reason", stop.describe());
    }
    root.set("reference", endpoint(run.reference()));
    root.set("candidate", endpoint(run.candidate()));
    ObjectNode p = root.putObject("policy");
    p.put("alpha", policy.alpha());
    p.put("test", policy.test().key());
    p.put("categoryMargin", policy.categoryMargin());
    ObjectNode totals = p.putObject("totalMargins");
    for (Axis axis : Axis.values()) {
      totals.put(axis.key(), policy.totalMargins().get(axis));
    }
    p.put("maxErrorRate", policy.maxErrorRate());
    p.put("mode", policy.mode().key());
    if (policy.safetyFloor() != null) {
      p.put("safetyFloor", policy.safetyFloor());
    }
    ArrayNode tasks = root.putArray("tasks");
    for (Task task : run.tasks()) {
      tasks
          .addObject()
          .put("id", task.id())
          .put("version", task.version())
          .put("axis", task.axis().key())
          .put("items", task.items().size())
          .put("samples", task.generation().samples())
          .put("sha256", task.sha256());
    }
    ArrayNode cells = root.putArray("cells");
    for (CellVerdict cell : verdict.cells()) {
      cells.add(cell(cell, run));
    }
    ContrastPairs.Summary contrast = ContrastPairs.of(run.pairs());
    root.putObject("contrastPairs")
        .put("pairs", contrast.pairs())
        .put("referenceToldApart", contrast.reference())
        .put("candidateToldApart", contrast.candidate())
        .put("candidateRefusedBoth", contrast.candidateRefusesBoth())
        .put("candidateAnsweredBoth", contrast.candidateAnswersBoth())
        .put("summary", contrast.describe());
    ArrayNode warnings = root.putArray("warnings");
    ServingWarnings.of(run).forEach(warnings::add);
    ArrayNode whereToLook = root.putArray("whereToLook");
    for (WhereToLook.Entry entry : WhereToLook.of(verdict.cells(), policy.alpha())) {
      whereToLook
          .addObject()
          .put("cell", entry.cell())
          .put("pRegression", entry.p())
          .put("qBenjaminiHochberg", entry.q());
    }
    if (aa) {
      ArrayNode splitHalf = root.putObject("aa").putArray("splitHalf");
      for (var result : dev.backslide.compare.SplitHalf.of(run.pairs(), seed)) {
        ObjectNode node = splitHalf.addObject();
        node.put("axis", result.axis().key());
        node.put("items", result.items());
        node.put("splits", result.splits());
        if (result.splits() > 0) {
          node.put("ksP", result.ksP());
          node.put("shareAtOrBelow0.05", result.shareBelow5());
        } else {
          node.put("note", result.note());
        }
      }
    }
    ObjectNode errors = root.putObject("errors");
    for (EndpointErrors e : verdict.errors()) {
      ObjectNode side = errors.putObject(e.role().key());
      side.put("calls", e.calls());
      side.put("failed", e.failed());
      side.put("rate", e.rate());
      ObjectNode kinds = side.putObject("byKind");
      e.byKind().forEach(kinds::put);
      ArrayNode examples = side.putArray("examples");
      e.examples().forEach(examples::add);
    }
    return root;
  }

  private ObjectNode endpoint(EndpointReport report) {
    ObjectNode node = json.createObjectNode();
    node.put("url", report.spec().url().toString());
    node.put("model", report.spec().model());
    if (report.spec().apiKeyEnv() != null) {
      node.put("apiKeyEnv", report.spec().apiKeyEnv());
    }
    node.put("concurrency", report.spec().concurrency());
    ArrayNode replicas = node.putArray("replicas");
    report.spec().urls().forEach(u -> replicas.add(u.toString()));
    ObjectNode reported = node.putObject("reported");
    var d = report.description();
    ArrayNode models = reported.putArray("models");
    ArrayNode fingerprints = reported.putArray("systemFingerprints");
    report.fingerprints().forEach(fingerprints::add);
    if (d != null) {
      d.servedModels().forEach(models::add);
      reported.put("server", d.server());
      ObjectNode headers = reported.putObject("headers");
      d.headers().forEach(headers::put);
      reported.put("note", d.note());
    }
    node.put("unavailable", report.unavailable());
    var stats = report.stats();
    ObjectNode traffic = node.putObject("traffic");
    traffic.put("calls", stats.calls());
    traffic.put("attempts", stats.attempts());
    traffic.put("retries", stats.retries());
    traffic.put("failed", stats.failed());
    traffic.put("status429", stats.status429());
    traffic.put("status5xx", stats.status5xx());
    return node;
  }

  private ObjectNode cell(CellVerdict cell, RunResult run) {
    ObjectNode node = json.createObjectNode();
    node.put("axis", cell.key().axis().key());
    node.put("category", cell.key().category());
    CellStatistics s = cell.statistics();
    node.put("n", s == null ? 0 : s.n());
    node.put("excluded", s == null ? cell.cell().pairs().size() : s.excluded());
    if (s == null) {
      node.putNull("referenceRate");
      node.putNull("candidateRate");
      node.putNull("delta");
      node.putNull("upperBound");
    } else {
      node.put("referenceRate", s.referenceRate());
      node.put("candidateRate", s.candidateRate());
      node.put("delta", s.delta());
      node.put("upperBound", s.upperBound());
    }
    node.put("margin", cell.margin());
    if (s == null) {
      node.putNull("pRegression");
      node.putNull("pHolm");
      node.putNull("mde");
    } else {
      node.put("pRegression", s.pRegression());
      node.put("pHolm", cell.pHolm());
      node.put("mde", s.mde());
    }
    node.put("verdict", cell.verdict().name());
    node.put("reason", cell.reason());
    node.put("stoppedEarly", run.stop() != null);
    if (s != null) {
      node.put("test", s.test());
      node.put("why", s.why());
      node.put("lowerBound", s.lowerBound());
      node.put("pImprovement", s.pImprovement());
      node.put("samples", s.samples());
      node.put("clusters", s.clusters());
      if (s.seed() != null) {
        node.put("permutationSeed", s.seed());
      }
      node.put("flipRate", s.psi());
      if (s.binary()) {
        ObjectNode table = node.putObject("table");
        table.put("bothOk", s.bothOk());
        table.put("referenceOnly", (int) s.b());
        table.put("candidateOnly", (int) s.c());
        table.put("neither", s.bothFailed());
      }
    }
    if (cell.itemsToSettle() != null) {
      node.put("itemsToSettle", cell.itemsToSettle());
    }
    ObjectNode outcomes = node.putObject("outcomes");
    for (var role : Role.compared()) {
      ObjectNode counts = outcomes.putObject(role.key());
      for (var outcome : Outcome.values()) {
        counts.put(outcome.key(), 0);
      }
      counts.put("error", 0);
      for (var pair : cell.cell().pairs()) {
        var result = role == Role.REFERENCE ? pair.reference() : pair.candidate();
        for (var sample : result.samples()) {
          String key = sample.score() == null ? "error" : sample.score().outcome().key();
          counts.put(key, counts.get(key).asLong() + 1);
        }
      }
    }
    node.put("endpointErrors", cell.cell().endpointErrors());
    node.put("unjudged", cell.cell().unjudged());
    return node;
  }

  /** Adds where the scoring detector and its second opinion disagree, per endpoint. */
  public void addDisagreements(
      ObjectNode root, String key, String detector, DetectorDisagreements.Result result) {
    ObjectNode node = root.putObject(key);
    node.put("detector", detector);
    node.put("secondOpinion", result.secondOpinion());
    for (Role role : Role.compared()) {
      ObjectNode side = node.putObject(role.key());
      side.put("judged", result.judged().get(role));
      side.put("disagreements", result.count(role));
      ArrayNode items = side.putArray("items");
      result.byRole().get(role).stream().limit(100).forEach(d -> items.add(d.pair().id()));
    }
  }

  /** Writes the summary to {@code file} atomically (temp file, then move). */
  public void write(ObjectNode summary, Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path temp = file.resolveSibling(file.getFileName() + ".tmp");
      json.writeValue(temp.toFile(), summary);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
