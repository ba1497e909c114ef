package dev.backslide.task.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backslide.input.YamlMap;
import dev.backslide.task.Axis;
import dev.backslide.task.ChatMessage;
import dev.backslide.task.ImportSummary;
import dev.backslide.task.Instruction;
import dev.backslide.task.Item;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What an {@link Importer} works with: the task's axis, scorer and default category, the source
 * options, and where items, skips and problems go. Applies {@code limit} and {@code suffix}.
 */
final class ImportContext {
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");

  private final Axis axis;
  private final String scorer;
  private final String category;
  private final YamlMap options;
  private final ImportProblems problems;
  private final @Nullable String suffix;
  private final int limit;
  private final List<Item> items = new ArrayList<>();
  private final Map<String, Integer> skipped = new LinkedHashMap<>();
  private final Map<String, Integer> ids = new HashMap<>();
  private int read;

  ImportContext(
      Axis axis,
      String scorer,
      String category,
      YamlMap options,
      ImportProblems problems,
      @Nullable String suffix,
      int limit) {
    this.axis = axis;
    this.scorer = scorer;
    this.category = category;
    this.options = options;
    this.problems = problems;
    this.suffix = suffix;
    this.limit = limit;
  }

  Axis axis() {
    return axis;
  }

  String scorer() {
    return scorer;
  }

  YamlMap options() {
    return options;
  }

  ImportProblems problems() {
    return problems;
  }

  /** Counts a record as read; every importer calls it once per record. */
  void read() {
    read++;
  }

  /** Skips the current record for {@code reason}; the summary counts skips by reason. */
  void skip(String reason) {
    skipped.merge(reason, 1, Integer::sum);
  }

  /** A required text field; a problem (and null) when missing or blank. */
  @Nullable String require(DatasetRecord record, String field) {
    String text = Fields.text(record.fields(), field);
    if (text == null) {
      JsonNode node = Fields.at(record.fields(), field);
      problems.at(
          record,
          field,
          node == null || node.isNull()
              ? "is missing; every record needs it"
              : "must be text but is "
                  + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
      return null;
    }
    if (text.isBlank()) {
      problems.at(record, field, "is empty; fill it in or remove the record");
      return null;
    }
    return text;
  }

  /** An optional text field; null when missing, null or blank. */
  @Nullable String optional(DatasetRecord record, String field) {
    String text = Fields.text(record.fields(), field);
    return text == null || text.isBlank() ? null : text;
  }

  /**
   * A category name as the loader accepts it: characters other than A-Z a-z 0-9 space . / - become
   * '-'.
   */
  static String categoryName(String raw) {
    String name = raw.strip().replaceAll("[^A-Za-z0-9 ._/-]", "-");
    return name.isEmpty() || !Character.isLetterOrDigit(name.charAt(0)) ? "x" + name : name;
  }

  /** An item id from a dataset's own id: lower case, other characters become '-'. */
  static String itemId(String raw) {
    String id = raw.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
    return ID.matcher(id).matches() ? id : "r" + id;
  }

  /**
   * Adds an item for {@code record}, unless the limit is reached (then it is skipped). Checks the
   * id is unique and the target fits the scorer; a problem names the record and field otherwise.
   */
  void add(
      DatasetRecord record,
      String id,
      String prompt,
      @Nullable String target,
      List<String> choices,
      @Nullable String itemCategory,
      @Nullable String cluster,
      List<Instruction> instructions) {
    if (items.size() >= limit) {
      skip("beyond limit " + limit);
      return;
    }
    Integer earlier = ids.putIfAbsent(id, record.number());
    if (earlier != null) {
      problems.at(
          record,
          null,
          "item id '" + id + "' is also used by record " + earlier + "; ids must be unique");
      return;
    }
    if (!checkTarget(record, target, choices)) {
      return;
    }
    String text = suffix == null ? prompt : prompt.strip() + "\n\n" + suffix;
    List<ChatMessage> messages =
        List.of(ChatMessage.user(choices.isEmpty() ? text : Choices.render(text, choices)));
    items.add(
        new Item(
            id,
            messages,
            target,
            choices,
            itemCategory == null ? category : categoryName(itemCategory),
            cluster,
            null,
            record.line(),
            instructions));
  }

  private boolean checkTarget(DatasetRecord record, @Nullable String target, List<String> choices) {
    switch (scorer) {
      case "refusal", "instructions" -> {
        return true;
      }
      case "choice" -> {
        if (choices.size() < 2 || choices.size() > 26) {
          problems.at(
              record, null, "has " + choices.size() + " choices; a choice item needs 2 to 26");
          return false;
        }
        if (target == null
            || !target.matches("[A-Z]")
            || target.charAt(0) - 'A' >= choices.size()) {
          problems.at(
              record,
              null,
              "the answer '"
                  + target
                  + "' is not the letter of one of the "
                  + choices.size()
                  + " choices, A to "
                  + Item.letter(choices.size() - 1));
          return false;
        }
        return true;
      }
      case "numeric" -> {
        if (target == null || !NUMBER.matcher(target.strip()).matches()) {
          problems.at(
              record, null, "the answer '" + target + "' is not a number such as 42 or -3.5");
          return false;
        }
        return true;
      }
      default -> {
        if (target == null || target.isBlank()) {
          problems.at(record, null, "has no answer; the " + scorer + " scorer needs one");
          return false;
        }
        return true;
      }
    }
  }

  List<Item> items() {
    return List.copyOf(items);
  }

  ImportSummary summary(String format) {
    return new ImportSummary(format, problems.source(), read, items.size(), skipped);
  }
}
