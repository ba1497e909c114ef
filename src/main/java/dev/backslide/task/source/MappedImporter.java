package dev.backslide.task.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backslide.input.YamlMap;
import dev.backslide.task.Axis;
import dev.backslide.task.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Any CSV ({@code format: csv}) or JSONL ({@code format: jsonl}) file, read through a field
 * mapping, so a format Backslide has not met needs no code:
 *
 * <pre>
 * source:
 *   format: jsonl
 *   path: data/questions.jsonl
 *   fields: {id: uid, prompt: question.text, choices: question.options, target: answer, category: meta.topic}
 *   answerKey: index        # letter (default), index (0-based), index1 (1-based) or text
 * </pre>
 *
 * <p>Paths may be nested ({@code a.b}) and index lists ({@code options[0]}); {@code choices} is
 * either one path to a list or a list of paths. CSV columns are named by the header row, or by
 * their index {@code 0, 1, ...} with {@code header: false}. The task's file names the axis.
 */
final class MappedImporter implements Importer {
  private static final Set<String> FIELDS =
      Set.of("id", "prompt", "target", "choices", "category", "cluster");
  private static final List<String> KEYS = List.of("letter", "index", "index1", "text");

  private final String format;

  MappedImporter(String format) {
    this.format = format;
  }

  @Override
  public String format() {
    return format;
  }

  @Override
  public @Nullable Axis defaultAxis() {
    return null;
  }

  @Override
  public List<String> scorers() {
    return List.of("exact", "numeric", "choice", "regex", "contains", "refusal", "instructions");
  }

  @Override
  public Set<String> options() {
    return format.equals("csv")
        ? Set.of("fields", "answerKey", "header")
        : Set.of("fields", "answerKey");
  }

  @Override
  public Layout layout(YamlMap options) {
    if (format.equals("jsonl")) {
      return Layout.JSONL;
    }
    Boolean header = options.bool("header", "true or false");
    return header == null || header ? Layout.CSV : Layout.CSV_HEADERLESS;
  }

  private record Mapping(
      @Nullable String id,
      String prompt,
      @Nullable String target,
      List<String> choices,
      @Nullable String choiceList,
      @Nullable String category,
      @Nullable String cluster,
      String answerKey) {}

  @Override
  public void read(List<DatasetRecord> records, ImportContext context) {
    Optional<Mapping> mapping = mapping(context.options());
    if (mapping.isEmpty()) {
      records.forEach(r -> context.read());
      return;
    }
    Mapping m = mapping.get();
    for (DatasetRecord record : records) {
      context.read();
      String prompt = context.require(record, m.prompt());
      String id =
          m.id() == null
              ? String.format(Locale.ROOT, "r%04d", record.number())
              : context.require(record, m.id());
      List<String> choices = choices(record, m, context);
      String target = m.target() == null ? null : context.require(record, m.target());
      if (prompt == null
          || id == null
          || choices == null
          || (m.target() != null && target == null)) {
        continue;
      }
      if (target != null && !choices.isEmpty()) {
        target = letter(record, m, target, choices, context);
        if (target == null) {
          continue;
        }
      }
      context.add(
          record,
          ImportContext.itemId(id),
          prompt,
          target,
          choices,
          m.category() == null ? null : context.optional(record, m.category()),
          m.cluster() == null ? null : context.optional(record, m.cluster()),
          List.of());
    }
  }

  private static @Nullable List<String> choices(
      DatasetRecord record, Mapping m, ImportContext context) {
    List<String> choices = new ArrayList<>();
    if (m.choiceList() != null) {
      JsonNode list = Fields.at(record.fields(), m.choiceList());
      if (list == null || !list.isArray()) {
        context.problems().at(record, m.choiceList(), "must be a list of options");
        return null;
      }
      list.forEach(n -> choices.add(n.asText()));
    }
    for (String path : m.choices()) {
      String text = Fields.text(record.fields(), path);
      if (text == null || text.isEmpty()) {
        context.problems().at(record, path, "is missing or empty; every option needs text");
        return null;
      }
      choices.add(text);
    }
    return choices;
  }

  private static @Nullable String letter(
      DatasetRecord record, Mapping m, String answer, List<String> choices, ImportContext context) {
    String key = answer.strip();
    int index =
        switch (m.answerKey()) {
          case "letter" -> key.length() == 1 ? Character.toUpperCase(key.charAt(0)) - 'A' : -1;
          case "index" -> parse(key);
          case "index1" -> parse(key) - 1;
          default -> choices.indexOf(key);
        };
    if (index < 0 || index >= choices.size()) {
      context
          .problems()
          .at(
              record,
              m.target(),
              "'"
                  + answer
                  + "' is not a "
                  + m.answerKey()
                  + " answer key for "
                  + choices.size()
                  + " choices");
      return null;
    }
    return String.valueOf(Item.letter(index));
  }

  private static int parse(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static Optional<Mapping> mapping(YamlMap options) {
    var problems = options.problems();
    String answerKey = options.string("answerKey", false, "letter, index, index1 or text");
    if (answerKey != null && !KEYS.contains(answerKey)) {
      problems.at(
          options.value("answerKey"),
          "'answerKey' must be one of letter, index, index1, text but is '" + answerKey + "'");
      return Optional.empty();
    }
    Node node = options.value("fields");
    if (node == null) {
      problems.at(
          options.node(),
          "missing 'fields': which field holds the prompt (and id, target, choices, category,"
              + " cluster), e.g. fields: {prompt: question, target: answer}");
      return Optional.empty();
    }
    Optional<YamlMap> maybe = YamlMap.of(node, problems, "'fields'");
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    YamlMap fields = maybe.get();
    fields.rejectUnknownKeys(FIELDS, "fields");
    String prompt = path(fields, "prompt", true);
    List<String> choices = new ArrayList<>();
    String choiceList = null;
    Node choicesNode = fields.value("choices");
    if (choicesNode instanceof ScalarNode) {
      choiceList = path(fields, "choices", false);
    } else if (choicesNode != null) {
      List<Node> nodes = fields.list("choices", "a path to a list, or a list of paths");
      if (nodes != null) {
        for (Node n : nodes) {
          if (n instanceof ScalarNode s && Fields.valid(s.getValue())) {
            choices.add(s.getValue());
          } else {
            problems.at(n, "each choice must be a field path such as options[0] or B");
          }
        }
      }
    }
    Mapping mapping =
        new Mapping(
            path(fields, "id", false),
            prompt == null ? "" : prompt,
            path(fields, "target", false),
            choices,
            choiceList,
            path(fields, "category", false),
            path(fields, "cluster", false),
            answerKey == null ? "letter" : answerKey);
    return prompt == null ? Optional.empty() : Optional.of(mapping);
  }

  private static @Nullable String path(YamlMap fields, String key, boolean required) {
    String path = fields.string(key, required, "a field path such as question or a.b[0]");
    if (path != null && !Fields.valid(path)) {
      fields
          .problems()
          .at(fields.value(key), "'" + path + "' is not a field path such as question or a.b[0]");
      return null;
    }
    return path;
  }
}
