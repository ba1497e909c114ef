package dev.backslide.refusal.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backslide.refusal.RefusalDetector;
import dev.backslide.refusal.RefusalJudgement;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures refusal detectors on labelled responses: the command users run on their own models'
 * outputs.
 *
 * <pre>
 * mvn -q compile exec:java -Dexec.mainClass=dev.backslide.refusal.eval.EvaluateDetectors \
 *     -Dexec.args="--data src/test/resources/refusal/heldout.jsonl --out target/refusal/predictions.jsonl"
 * </pre>
 *
 * <p>Reads JSONL rows {@code {"prompt", "response", "label": "compliance" | "partial" | "refusal"}}
 * ({@link LabelledData}), runs each detector on every row, prints per detector the three-way
 * accuracy, binary accuracy (refused, full or partial, against complied) with 95% Wilson intervals,
 * per-label precision and recall and the confusion matrix ({@link Evaluation}), and writes one JSON
 * line per row with every detector's label and reason to the predictions file.
 *
 * <p>Options: {@code --data FILE} (repeatable; default the held-out split), {@code --detectors
 * embedded,keyword,judge} (default {@code embedded,keyword}), {@code --out FILE} (default {@code
 * target/refusal/predictions.jsonl}), and for the judge {@code --judge-url URL --judge-model NAME
 * [--judge-api-key-env VAR]}. Nothing is fetched from the network except the judge, when asked for.
 */
public final class EvaluateDetectors {
  /** The held-out split, relative to the project directory. */
  public static final String DEFAULT_DATA = "src/test/resources/refusal/heldout.jsonl";

  private EvaluateDetectors() {}

  public static void main(String[] args) throws IOException {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Runs the command; returns the exit status (0, or 2 for bad options or data). */
  public static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(Options.USAGE);
      return 2;
    }
    List<LabelledResponse> rows = new ArrayList<>();
    try {
      for (Path file : options.data()) {
        rows.addAll(LabelledData.read(file));
      }
    } catch (LabelledDataException e) {
      err.println(e.getMessage());
      return 2;
    }
    try (DetectorSet detectors = DetectorSet.open(options)) {
      Map<String, List<RefusalJudgement>> judged = new LinkedHashMap<>();
      for (RefusalDetector detector : detectors.detectors()) {
        judged.put(detector.name(), judge(detector, rows));
      }
      writePredictions(options.out(), rows, judged);
      for (Map.Entry<String, List<RefusalJudgement>> entry : judged.entrySet()) {
        Evaluation evaluation = new Evaluation(entry.getKey());
        for (int i = 0; i < rows.size(); i++) {
          evaluation.add(rows.get(i).label(), entry.getValue().get(i).label());
        }
        out.print(evaluation.report());
      }
      out.println("predictions: " + options.out());
    }
    return 0;
  }

  static List<RefusalJudgement> judge(RefusalDetector detector, List<LabelledResponse> rows) {
    List<RefusalJudgement> all = new ArrayList<>();
    int batch = 256;
    for (int from = 0; from < rows.size(); from += batch) {
      List<LabelledResponse> part = rows.subList(from, Math.min(rows.size(), from + batch));
      all.addAll(
          detector.judgeAll(
              part.stream().map(LabelledResponse::prompt).toList(),
              part.stream().map(LabelledResponse::response).toList()));
    }
    return all;
  }

  private static void writePredictions(
      Path out, List<LabelledResponse> rows, Map<String, List<RefusalJudgement>> judged)
      throws IOException {
    if (out.toAbsolutePath().getParent() != null) {
      Files.createDirectories(out.toAbsolutePath().getParent());
    }
    ObjectMapper json = new ObjectMapper();
    try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (int i = 0; i < rows.size(); i++) {
        LabelledResponse row = rows.get(i);
        ObjectNode node = json.createObjectNode();
        node.put("id", row.id());
        node.put("line", row.line());
        node.put("prompt", row.prompt());
        node.put("response", row.response());
        node.put("label", LabelledResponse.fileName(row.label()));
        ObjectNode predictions = node.putObject("predictions");
        boolean agree = true;
        String first = null;
        for (Map.Entry<String, List<RefusalJudgement>> entry : judged.entrySet()) {
          RefusalJudgement j = entry.getValue().get(i);
          ObjectNode p = predictions.putObject(entry.getKey());
          String label = LabelledResponse.fileName(j.label());
          p.put("label", label);
          p.put("correct", j.label() == row.label());
          p.put("reason", j.reason());
          first = first == null ? label : first;
          agree &= first.equals(label);
        }
        node.put("detectorsAgree", agree);
        writer.write(json.writeValueAsString(node));
        writer.write('\n');
      }
    }
  }

  /** The parsed options. */
  record Options(
      List<Path> data,
      List<String> detectors,
      Path out,
      String judgeUrl,
      String judgeModel,
      String judgeApiKeyEnv) {
    static final String USAGE =
        "usage: EvaluateDetectors [--data FILE]... [--detectors embedded,keyword,judge]"
            + " [--out FILE] [--judge-url URL --judge-model NAME [--judge-api-key-env VAR]]";

    static Options parse(String[] args) {
      List<Path> data = new ArrayList<>();
      List<String> detectors = List.of("embedded", "keyword");
      Path out = Paths.get("target", "refusal", "predictions.jsonl");
      String judgeUrl = "";
      String judgeModel = "";
      String judgeKey = "";
      for (int i = 0; i < args.length; i += 2) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("option " + args[i] + " needs a value");
        }
        String value = args[i + 1];
        switch (args[i]) {
          case "--data" -> data.add(Paths.get(value));
          case "--detectors" -> detectors = List.of(value.split(","));
          case "--out" -> out = Paths.get(value);
          case "--judge-url" -> judgeUrl = value;
          case "--judge-model" -> judgeModel = value;
          case "--judge-api-key-env" -> judgeKey = value;
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      for (String d : detectors) {
        if (!List.of("embedded", "keyword", "judge").contains(d)) {
          throw new IllegalArgumentException(
              "unknown detector \"" + d + "\"; choose from embedded, keyword, judge");
        }
      }
      if (detectors.contains("judge") && (judgeUrl.isEmpty() || judgeModel.isEmpty())) {
        throw new IllegalArgumentException(
            "the judge detector needs --judge-url and --judge-model");
      }
      if (data.isEmpty()) {
        data.add(Paths.get(DEFAULT_DATA));
      }
      return new Options(List.copyOf(data), detectors, out, judgeUrl, judgeModel, judgeKey);
    }
  }
}
