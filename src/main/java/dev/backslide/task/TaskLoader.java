package dev.backslide.task;

import dev.backslide.input.InvalidInputException;
import dev.backslide.input.Problem;
import dev.backslide.input.Problems;
import dev.backslide.input.YamlMap;
import dev.backslide.task.source.DatasetSource;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Loads task files (YAML, see {@code tasks/README.md}) and validates them. Every problem in every
 * file is collected, each with its file, line and column, before one {@link InvalidInputException}
 * reports them all.
 */
public final class TaskLoader {
  private static final Set<String> TASK_KEYS =
      Set.of(
          "id",
          "version",
          "axis",
          "category",
          "description",
          "generation",
          "scorer",
          "items",
          "source");
  private static final Set<String> GENERATION_KEYS =
      Set.of("temperature", "maxTokens", "samples", "system", "seed");
  private static final Set<String> ITEM_KEYS =
      Set.of(
          "id",
          "prompt",
          "messages",
          "target",
          "choices",
          "category",
          "cluster",
          "pair",
          "instructions");
  private static final Map<String, Set<String>> SCORER_OPTIONS =
      Map.of(
          "exact", Set.of("caseSensitive"),
          "numeric", Set.of("tolerance"),
          "choice", Set.of(),
          "regex", Set.of("caseSensitive"),
          "contains", Set.of("caseSensitive"),
          "refusal", Set.of("partialCountsAsRefusal"),
          "instructions", Set.of("loose"));
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._/-]*");
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

  /** The instruction appended to a multiple-choice item after its lettered options. */
  public static final String CHOICE_INSTRUCTION = "Answer with the letter of the correct option.";

  private final Path base;

  /**
   * @param base paths in messages are shown relative to this directory (the project directory)
   */
  public TaskLoader(Path base) {
    this.base = base.toAbsolutePath().normalize();
  }

  /** Subdirectories of this name are skipped by {@link #loadAll}: they hold example tasks. */
  public static final String EXAMPLES = "examples";

  /**
   * Loads every {@code .yaml} file under {@code dir}, sorted by path, except those in a
   * subdirectory named {@value #EXAMPLES} (at any depth below {@code dir}): the examples that
   * import public datasets are run by naming their directory, {@code
   * -Dbackslide.tasks=tasks/examples}.
   */
  public List<Task> loadAll(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new InvalidInputException(
          "task files",
          List.of(
              Problem.of(
                  shown(dir),
                  "no such directory; set backslide.tasks to the directory that holds the task"
                      + " files (default: tasks)")));
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files =
          walk.filter(p -> p.getFileName().toString().endsWith(".yaml"))
              .filter(p -> !inExamples(dir, p))
              .filter(Files::isRegularFile)
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list task files in " + shown(dir), e);
    }
    return load(files);
  }

  private static boolean inExamples(Path dir, Path file) {
    Path relative = dir.relativize(file);
    for (int i = 0; i < relative.getNameCount() - 1; i++) {
      if (relative.getName(i).toString().equals(EXAMPLES)) {
        return true;
      }
    }
    return false;
  }

  /** Loads the given files; task ids must be unique across them. */
  public List<Task> load(List<Path> files) {
    List<Problem> problems = new ArrayList<>();
    List<Task> tasks = new ArrayList<>();
    Map<String, Path> seen = new HashMap<>();
    for (Path file : files) {
      Problems fileProblems = new Problems(shown(file));
      List<Problem> datasetProblems = new ArrayList<>();
      Optional<Task> task = read(file, fileProblems, datasetProblems);
      problems.addAll(fileProblems.list());
      problems.addAll(datasetProblems);
      task.ifPresent(
          t -> {
            Path earlier = seen.putIfAbsent(t.id(), file);
            if (earlier != null) {
              problems.add(
                  Problem.of(
                      shown(file),
                      "task id '"
                          + t.id()
                          + "' is also used by "
                          + shown(earlier)
                          + "; rename one"));
            } else {
              tasks.add(t);
            }
          });
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("task files", problems);
    }
    return List.copyOf(tasks);
  }

  /** Loads one file. */
  public Task load(Path file) {
    return load(List.of(file)).get(0);
  }

  private Optional<Task> read(Path file, Problems problems, List<Problem> datasetProblems) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      problems.add(Problem.of(problems.source(), "cannot read the file: " + e.getMessage()));
      return Optional.empty();
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      problems.add(Problem.of(problems.source(), "is not UTF-8 text; save it as UTF-8"));
      return Optional.empty();
    }
    if (text.isBlank()) {
      problems.at(
          1,
          1,
          "the file is empty; a task needs id, version, axis, scorer and items (see tasks/README.md)");
      return Optional.empty();
    }
    Node root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(true); // reported by YamlMap with both positions
      root = new Yaml(options).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      var mark = e.getProblemMark();
      problems.at(
          mark == null ? 1 : mark.getLine() + 1,
          mark == null ? 1 : mark.getColumn() + 1,
          "not valid YAML: " + e.getProblem());
      return Optional.empty();
    } catch (RuntimeException e) {
      problems.at(1, 1, "not valid YAML: " + e.getMessage());
      return Optional.empty();
    }
    if (root == null) {
      problems.at(
          1,
          1,
          "the file is empty; a task needs id, version, axis, scorer and items (see tasks/README.md)");
      return Optional.empty();
    }
    return YamlMap.of(root, problems, "a task file")
        .flatMap(map -> task(map, file, bytes, datasetProblems));
  }

  private Optional<Task> task(YamlMap map, Path file, byte[] bytes, List<Problem> datasetProblems) {
    Problems problems = map.problems();
    map.rejectUnknownKeys(TASK_KEYS, "a task");
    DatasetSource source = null;
    Node sourceNode = map.value("source");
    if (sourceNode != null) {
      if (map.has("items")) {
        problems.at(
            map.keyNode("source"),
            "a task has either 'items' or 'source' (a dataset to import), not both");
      }
      source = DatasetSource.parse(sourceNode, problems, file).orElse(null);
    }
    String fileId = file.getFileName().toString().replaceFirst("\\.yaml$", "");
    String id = map.string("id", true, "the task id, equal to the file name '" + fileId + "'");
    if (id != null && !id.equals(fileId)) {
      problems.at(
          map.value("id"),
          "task id '" + id + "' must equal the file name '" + fileId + "'; rename one of them");
    }
    Integer version =
        map.integer("version", true, 1, Integer.MAX_VALUE, "a whole number, 1 or more");
    boolean axisImplied = source != null && source.defaultAxis() != null && !map.has("axis");
    String axisText =
        axisImplied
            ? source.defaultAxis().key()
            : map.string(
                "axis",
                sourceNode == null || (source != null && source.defaultAxis() == null),
                "one of capability, safety, overRefusal");
    Axis axis = null;
    if (axisText != null) {
      axis = Axis.fromKey(axisText).orElse(null);
      if (axis == null) {
        problems.at(
            map.value("axis"),
            "unknown axis '" + axisText + "'; expected one of capability, safety, overRefusal");
      }
    }
    String category = map.string("category", false, "the default category of the items");
    if (category == null) {
      category = "general";
    } else if (!NAME.matcher(category).matches()) {
      problems.at(map.value("category"), "category '" + category + "' must be a plain name");
    }
    String description = map.string("description", false, "one sentence");
    Generation generation = generation(map);
    ScorerSpec scorer = scorer(map, axis, source);
    List<Item> items = List.of();
    ImportSummary summary = null;
    byte[] datasetBytes = new byte[0];
    if (source != null) {
      if (axis != null && scorer != null && problems.isEmpty()) {
        var imported = source.read(axis, scorer.type(), category, this::shown, datasetProblems);
        if (imported.isPresent()) {
          items = imported.get().items();
          summary = imported.get().summary();
          datasetBytes = imported.get().bytes();
        }
      }
    } else if (sourceNode == null) {
      items = items(map, scorer, category);
    }
    if (!problems.isEmpty()
        || !datasetProblems.isEmpty()
        || items.isEmpty()
        || id == null
        || version == null
        || axis == null
        || generation == null
        || scorer == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Task(
            id,
            version,
            axis,
            category,
            description == null ? "" : description,
            generation,
            scorer,
            items,
            file,
            sha256(bytes, datasetBytes),
            summary));
  }

  private @Nullable Generation generation(YamlMap task) {
    Node node = task.value("generation");
    if (node == null) {
      return Generation.DEFAULT;
    }
    Optional<YamlMap> maybe = YamlMap.of(node, task.problems(), "'generation'");
    if (maybe.isEmpty()) {
      return null;
    }
    YamlMap map = maybe.get();
    map.rejectUnknownKeys(GENERATION_KEYS, "generation");
    Double temperature = map.number("temperature", 0, 2, "between 0 and 2");
    Integer maxTokens = map.integer("maxTokens", false, 1, 1_000_000, "at least 1");
    Integer samples = map.integer("samples", false, 1, 1000, "k, at least 1");
    String system = map.string("system", false, "a system prompt");
    String seedText = map.string("seed", false, "a whole number");
    Long seed = null;
    if (seedText != null) {
      try {
        seed = Long.parseLong(seedText.trim());
      } catch (NumberFormatException e) {
        map.problems()
            .at(map.value("seed"), "'seed' must be a whole number but is '" + seedText + "'");
      }
    }
    Generation d = Generation.DEFAULT;
    return new Generation(
        temperature == null ? d.temperature() : temperature,
        maxTokens == null ? d.maxTokens() : maxTokens,
        samples == null ? d.samples() : samples,
        system,
        seed);
  }

  private @Nullable ScorerSpec scorer(
      YamlMap task, @Nullable Axis axis, @Nullable DatasetSource source) {
    Node node = task.value("scorer");
    if (node == null && source != null) {
      return new ScorerSpec(source.scorers().get(0), Map.of());
    }
    if (node == null) {
      task.problems()
          .at(
              task.node(),
              "missing 'scorer': a mapping with a type, one of "
                  + String.join(", ", ScorerSpec.sorted()));
      return null;
    }
    Optional<YamlMap> maybe = YamlMap.of(node, task.problems(), "'scorer'");
    if (maybe.isEmpty()) {
      return null;
    }
    YamlMap map = maybe.get();
    String type = map.string("type", true, "one of " + String.join(", ", ScorerSpec.sorted()));
    if (type == null) {
      return null;
    }
    if (!ScorerSpec.TYPES.contains(type)) {
      map.problems()
          .at(
              map.value("type"),
              "unknown scorer type '"
                  + type
                  + "'; expected one of "
                  + String.join(", ", ScorerSpec.sorted()));
      return null;
    }
    Set<String> allowed = new java.util.HashSet<>(SCORER_OPTIONS.get(type));
    allowed.add("type");
    map.rejectUnknownKeys(allowed, "a '" + type + "' scorer");
    Map<String, Object> options = new LinkedHashMap<>();
    if (type.equals("numeric")) {
      Double tolerance = map.number("tolerance", 0, Double.MAX_VALUE, "0 or more");
      if (tolerance != null) {
        options.put("tolerance", tolerance);
      }
    }
    if (SCORER_OPTIONS.get(type).contains("caseSensitive")) {
      Boolean caseSensitive = map.bool("caseSensitive", "true or false");
      if (caseSensitive != null) {
        options.put("caseSensitive", caseSensitive);
      }
    }
    if (type.equals("refusal")) {
      Boolean partial = map.bool("partialCountsAsRefusal", "true or false");
      if (partial != null) {
        options.put("partialCountsAsRefusal", partial);
      }
    }
    if (type.equals("instructions")) {
      Boolean loose = map.bool("loose", "true or false");
      if (loose != null) {
        options.put("loose", loose);
      }
    }
    if (source != null && !source.scorers().contains(type)) {
      map.problems()
          .at(
              map.value("type"),
              "a '"
                  + source.format()
                  + "' source is scored by "
                  + String.join(" or ", source.scorers())
                  + "; set 'type: "
                  + source.scorers().get(0)
                  + "'");
    }
    if (axis != null) {
      boolean refusal = type.equals("refusal");
      if (axis == Axis.CAPABILITY && refusal) {
        map.problems()
            .at(
                map.value("type"),
                "the refusal scorer is for safety and overRefusal tasks; a capability task needs"
                    + " one of choice, contains, exact, instructions, numeric, regex");
      } else if (axis != Axis.CAPABILITY && !refusal) {
        map.problems()
            .at(
                map.value("type"),
                "a " + axis.key() + " task is scored by refusal; set 'type: refusal'");
      }
    }
    return new ScorerSpec(type, options);
  }

  private List<Item> items(YamlMap task, @Nullable ScorerSpec scorer, String category) {
    Problems problems = task.problems();
    Node node = task.value("items");
    if (node == null) {
      problems.at(task.node(), "missing 'items': a list of items, each with an id and a prompt");
      return List.of();
    }
    List<Node> nodes = task.list("items", "a list of items, each with an id and a prompt");
    if (nodes == null) {
      return List.of();
    }
    if (nodes.isEmpty()) {
      problems.at(node, "'items' is empty; a task needs at least one item");
      return List.of();
    }
    List<Item> items = new ArrayList<>();
    Map<String, Integer> ids = new HashMap<>();
    for (Node itemNode : nodes) {
      YamlMap.of(itemNode, problems, "an item")
          .flatMap(map -> item(map, scorer, category, ids))
          .ifPresent(items::add);
    }
    return items;
  }

  private Optional<Item> item(
      YamlMap map, @Nullable ScorerSpec scorer, String defaultCategory, Map<String, Integer> ids) {
    Problems problems = map.problems();
    int line = map.node().getStartMark().getLine() + 1;
    map.rejectUnknownKeys(ITEM_KEYS, "an item");
    String id = map.string("id", true, "an item id, unique in the file");
    if (id != null) {
      if (!ID.matcher(id).matches()) {
        problems.at(
            map.value("id"),
            "item id '" + id + "' must be lower-case letters, digits, '.', '_' or '-'");
      }
      Integer earlier = ids.putIfAbsent(id, line);
      if (earlier != null) {
        problems.at(
            map.value("id"),
            "duplicate item id '"
                + id
                + "' (first at line "
                + earlier
                + "); item ids must be unique");
      }
    }
    List<ChatMessage> messages = messages(map);
    List<String> choices = choices(map);
    String target = map.string("target", false, "the expected answer");
    List<Instruction> instructions = Instructions.read(map);
    if (scorer != null) {
      checkTarget(map, scorer, target, choices);
      Instructions.check(map, scorer.type(), instructions);
    }
    String category = map.string("category", false, "a category name");
    if (category != null && !NAME.matcher(category).matches()) {
      problems.at(map.value("category"), "category '" + category + "' must be a plain name");
    }
    String cluster = map.string("cluster", false, "a cluster name");
    String pair = map.string("pair", false, "the contrast twin, as <task-id>/<item-id>");
    if (pair != null && !pair.matches("[a-z0-9][a-z0-9._-]*/[a-z0-9][a-z0-9._-]*")) {
      problems.at(map.value("pair"), "pair '" + pair + "' must be written <task-id>/<item-id>");
    }
    if (id == null || messages.isEmpty()) {
      return Optional.empty();
    }
    if (!choices.isEmpty()) {
      messages = withChoices(messages, choices);
    }
    return Optional.of(
        new Item(
            id,
            messages,
            target,
            choices,
            category == null ? defaultCategory : category,
            cluster,
            pair,
            line,
            instructions));
  }

  private List<ChatMessage> messages(YamlMap map) {
    Problems problems = map.problems();
    boolean hasPrompt = map.has("prompt");
    boolean hasMessages = map.has("messages");
    if (hasPrompt == hasMessages) {
      problems.at(
          map.node(),
          hasPrompt
              ? "an item has either 'prompt' or 'messages', not both"
              : "missing 'prompt': the user message to send (or 'messages', a full conversation)");
      return List.of();
    }
    if (hasPrompt) {
      String prompt = map.string("prompt", true, "the user message to send");
      return prompt == null ? List.of() : List.of(ChatMessage.user(prompt));
    }
    List<Node> nodes = map.list("messages", "a list of {role, content}");
    if (nodes == null) {
      return List.of();
    }
    List<ChatMessage> messages = new ArrayList<>();
    for (Node node : nodes) {
      Optional<YamlMap> message = YamlMap.of(node, problems, "a message");
      if (message.isEmpty()) {
        continue;
      }
      YamlMap m = message.get();
      m.rejectUnknownKeys(Set.of("role", "content"), "a message");
      String role = m.string("role", true, "one of system, user, assistant");
      String content = m.string("content", true, "the message text");
      if (role != null && !Set.of("system", "user", "assistant").contains(role)) {
        problems.at(
            m.value("role"),
            "unknown role '" + role + "'; expected one of system, user, assistant");
      } else if (role != null && content != null) {
        messages.add(new ChatMessage(role, content));
      }
    }
    if (nodes.isEmpty()) {
      problems.at(map.value("messages"), "'messages' is empty; give at least one user message");
    } else if (!messages.isEmpty() && !messages.get(messages.size() - 1).role().equals("user")) {
      problems.at(map.value("messages"), "the last message must have role 'user'");
    }
    return messages.size() == nodes.size() ? messages : List.of();
  }

  private List<String> choices(YamlMap map) {
    List<Node> nodes = map.list("choices", "a list of options");
    if (nodes == null) {
      return List.of();
    }
    List<String> choices = new ArrayList<>();
    for (Node node : nodes) {
      if (node instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
        choices.add(scalar.getValue());
      } else {
        map.problems().at(node, "each choice must be a non-empty single value");
      }
    }
    if (nodes.size() < 2 || nodes.size() > 26) {
      map.problems().at(map.value("choices"), "'choices' needs between 2 and 26 options");
    }
    return choices;
  }

  private void checkTarget(
      YamlMap map, ScorerSpec scorer, @Nullable String target, List<String> choices) {
    Problems problems = map.problems();
    String type = scorer.type();
    if (type.equals("instructions")) {
      if (!choices.isEmpty()) {
        problems.at(map.value("choices"), "'choices' is only used by the choice scorer; remove it");
      }
      return; // the target, if any, is an example response that follows every instruction
    }
    if (!scorer.needsTarget()) {
      if (target != null) {
        problems.at(
            map.value("target"),
            "the refusal scorer takes no 'target'; remove it (the axis says what success is)");
      }
      return;
    }
    if (target == null) {
      problems.at(
          map.node(), "missing 'target': the " + type + " scorer needs the expected answer");
      return;
    }
    switch (type) {
      case "choice" -> {
        if (choices.isEmpty()) {
          problems.at(map.node(), "missing 'choices': the choice scorer needs the options");
        } else if (!target.matches("[A-Z]") || target.charAt(0) - 'A' >= choices.size()) {
          problems.at(
              map.value("target"),
              "target '"
                  + target
                  + "' must be the letter of one of the "
                  + choices.size()
                  + " choices, A to "
                  + Item.letter(choices.size() - 1));
        }
      }
      case "numeric" -> {
        if (!NUMBER.matcher(target.trim()).matches()) {
          problems.at(
              map.value("target"), "target '" + target + "' must be a number, such as 42 or -3.5");
        }
      }
      case "regex" -> {
        try {
          Pattern.compile(target);
        } catch (PatternSyntaxException e) {
          problems.at(
              map.value("target"),
              "target is not a valid regular expression: " + e.getDescription());
        }
      }
      default -> {}
    }
    if (!type.equals("choice") && !choices.isEmpty()) {
      problems.at(map.value("choices"), "'choices' is only used by the choice scorer; remove it");
    }
  }

  private static List<ChatMessage> withChoices(List<ChatMessage> messages, List<String> choices) {
    StringBuilder text = new StringBuilder(messages.get(messages.size() - 1).content().strip());
    text.append("\n\n");
    for (int i = 0; i < choices.size(); i++) {
      text.append(Item.letter(i)).append(". ").append(choices.get(i)).append('\n');
    }
    text.append('\n').append(CHOICE_INSTRUCTION);
    List<ChatMessage> result = new ArrayList<>(messages.subList(0, messages.size() - 1));
    result.add(ChatMessage.user(text.toString()));
    return result;
  }

  private String shown(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    return absolute.startsWith(base) ? base.relativize(absolute).toString() : file.toString();
  }

  static String sha256(byte[]... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (byte[] part : parts) {
        digest.update(part);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
