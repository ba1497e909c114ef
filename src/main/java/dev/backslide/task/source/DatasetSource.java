package dev.backslide.task.source;

import dev.backslide.input.Problems;
import dev.backslide.input.YamlMap;
import dev.backslide.task.Axis;
import dev.backslide.task.ImportSummary;
import dev.backslide.task.Item;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The {@code source} of a task file: a dataset to import instead of written items, e.g. {@code
 * source: {format: advbench, path: ../datasets/harmful_behaviors.csv}}. The path is relative to the
 * task file. Common options: {@code limit} (import the first n records that qualify; the rest are
 * skipped and counted) and {@code suffix} (a sentence appended to every prompt after a blank line).
 */
public final class DatasetSource {
  private static final Map<String, Importer> IMPORTERS = importers();
  private static final Set<String> COMMON = Set.of("format", "path", "limit", "suffix");

  private final YamlMap map;
  private final Importer importer;
  private final Path path;

  /**
   * The items read from a dataset.
   *
   * @param items the items, in record order
   * @param summary records read, imported and skipped (and why)
   * @param bytes the dataset file's bytes, for the task's sha256
   */
  public record Imported(List<Item> items, ImportSummary summary, byte[] bytes) {}

  private DatasetSource(YamlMap map, Importer importer, Path path) {
    this.map = map;
    this.importer = importer;
    this.path = path;
  }

  private static Map<String, Importer> importers() {
    Map<String, Importer> m = new TreeMap<>();
    for (Importer i :
        List.of(
            new AdvBenchImporter(),
            new XsTestImporter(),
            new HarmBenchImporter(),
            new Gsm8kImporter(),
            new MmluImporter(),
            new TruthfulQaImporter(),
            new IfEvalImporter(),
            new MappedImporter("csv"),
            new MappedImporter("jsonl"))) {
      m.put(i.format(), i);
    }
    return Map.copyOf(m);
  }

  /** The known formats, sorted. */
  public static List<String> formats() {
    return IMPORTERS.keySet().stream().sorted().toList();
  }

  /**
   * Reads the {@code source} mapping of {@code taskFile}; records problems (unknown format or
   * option, missing path) and returns empty when it cannot be used.
   */
  public static Optional<DatasetSource> parse(Node node, Problems problems, Path taskFile) {
    Optional<YamlMap> maybe = YamlMap.of(node, problems, "'source'");
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    YamlMap map = maybe.get();
    String known = String.join(", ", formats());
    String format = map.string("format", true, "one of " + known);
    String path = map.string("path", true, "the dataset file, relative to this task file");
    if (format == null) {
      return Optional.empty();
    }
    Importer importer = IMPORTERS.get(format);
    if (importer == null) {
      problems.at(
          map.value("format"), "unknown source format '" + format + "'; expected one of " + known);
      return Optional.empty();
    }
    Set<String> allowed = new HashSet<>(COMMON);
    allowed.addAll(importer.options());
    map.rejectUnknownKeys(allowed, "a '" + format + "' source");
    if (path == null) {
      return Optional.empty();
    }
    Path parent = taskFile.toAbsolutePath().getParent();
    return Optional.of(new DatasetSource(map, importer, parent.resolve(path).normalize()));
  }

  /** The axis a task with this source has when its file names none, or null when it must. */
  public @Nullable Axis defaultAxis() {
    return importer.defaultAxis();
  }

  /** The scorer types that fit this format; the first is the default. */
  public List<String> scorers() {
    return importer.scorers();
  }

  public String format() {
    return importer.format();
  }

  /** The node of {@code format}, for positioned messages about the source. */
  public Node node() {
    return map.node();
  }

  /**
   * Reads the dataset: problems in the source mapping go to {@code taskProblems}, problems in the
   * dataset to a {@link Problems} of the dataset file, added to {@code datasetProblems}.
   *
   * @param shown how a path is shown in messages
   */
  public Optional<Imported> read(
      Axis axis,
      String scorer,
      String category,
      Function<Path, String> shown,
      List<dev.backslide.input.Problem> datasetProblems) {
    Problems taskProblems = map.problems();
    Integer limit = map.integer("limit", false, 1, Integer.MAX_VALUE, "a whole number, 1 or more");
    String suffix = map.string("suffix", false, "a sentence appended to every prompt");
    Layout layout = importer.layout(map);
    Problems fileProblems = new Problems(shown.apply(path));
    ImportProblems problems = new ImportProblems(fileProblems);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      taskProblems.at(
          map.value("path"),
          "cannot read the dataset "
              + shown.apply(path)
              + " ("
              + e.getClass().getSimpleName()
              + "); the path is relative to this task file");
      return Optional.empty();
    }
    if (!taskProblems.isEmpty()) {
      return Optional.empty();
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      problems.file(0, "is not UTF-8 text; convert it to UTF-8");
      datasetProblems.addAll(fileProblems.list());
      return Optional.empty();
    }
    ImportContext context =
        new ImportContext(
            axis,
            scorer,
            category,
            map,
            problems,
            suffix,
            limit == null ? Integer.MAX_VALUE : limit);
    try {
      List<DatasetRecord> records =
          switch (layout) {
            case CSV -> CsvReader.records(text, true, problems);
            case CSV_HEADERLESS -> CsvReader.records(text, false, problems);
            case JSONL -> JsonlReader.records(text, problems);
          };
      importer.read(records, context);
    } catch (DatasetException e) {
      problems.file(e.line(), e.getMessage());
    }
    datasetProblems.addAll(fileProblems.list());
    if (!fileProblems.isEmpty() || !taskProblems.isEmpty()) {
      return Optional.empty();
    }
    if (context.items().isEmpty()) {
      taskProblems.at(
          map.node(),
          "the dataset gave no items ("
              + context.summary(importer.format())
              + "); check the format and the task's axis");
      return Optional.empty();
    }
    return Optional.of(new Imported(context.items(), context.summary(importer.format()), bytes));
  }
}
