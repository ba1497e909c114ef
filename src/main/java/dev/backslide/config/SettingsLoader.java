package dev.backslide.config;

import dev.backslide.compare.RegressionTest;
import dev.backslide.endpoint.EndpointSpec;
import dev.backslide.endpoint.Role;
import dev.backslide.input.InvalidInputException;
import dev.backslide.input.Problem;
import dev.backslide.input.Problems;
import dev.backslide.input.YamlMap;
import dev.backslide.task.Axis;
import dev.backslide.verdict.Mode;
import dev.backslide.verdict.Policy;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Resolves {@link Settings}: each setting from its system property, else its environment variable,
 * else the YAML file named by {@code backslide.config}, else its default. Every problem is
 * collected and reported at once, naming the property, variable or file position to fix.
 */
public final class SettingsLoader {
  private static final Map<String, Setting> BY_KEY =
      Setting.ALL.stream()
          .collect(Collectors.toMap(Setting::key, s -> s, (a, b) -> a, LinkedHashMap::new));

  static final String EXAMPLE =
      "mvn test -Dbackslide.reference.url=http://localhost:8000/v1"
          + " -Dbackslide.reference.model=llama-2-13b-chat \\\n"
          + "         -Dbackslide.candidate.url=http://localhost:8001/v1"
          + " -Dbackslide.candidate.model=llama-2-13b-ft";

  private final Map<String, String> properties;
  private final Function<String, @Nullable String> environment;
  private final Path base;

  /**
   * @param properties system properties (only {@code backslide.*} are read)
   * @param environment reads an environment variable, or null when unset
   * @param base relative paths are resolved against this directory (the project directory)
   */
  public SettingsLoader(
      Map<String, String> properties, Function<String, @Nullable String> environment, Path base) {
    this.properties = Map.copyOf(properties);
    this.environment = environment;
    this.base = base;
  }

  /** A loader over this JVM's system properties and environment. */
  public static SettingsLoader fromSystem(Path base) {
    Map<String, String> props = new LinkedHashMap<>();
    System.getProperties().forEach((k, v) -> props.put(String.valueOf(k), String.valueOf(v)));
    return new SettingsLoader(props, System::getenv, base);
  }

  /**
   * @throws InvalidInputException with every problem found
   */
  public Settings load() {
    List<Problem> problems = new ArrayList<>();
    for (String key : properties.keySet()) {
      if (key.startsWith("backslide.")
          && !BY_KEY.containsKey(key)
          && !key.equals("backslide.project.dir")) {
        problems.add(Problem.of("system property " + key, "unknown setting" + suggestion(key)));
      }
    }
    Map<String, ConfigValue> file = readFile(problems);
    Map<String, ConfigValue> values = new LinkedHashMap<>();
    for (Setting setting : Setting.ALL) {
      resolve(setting, file).ifPresent(v -> values.put(setting.key(), v));
    }
    Reader reader = new Reader(values, problems);

    String modeName = reader.text("backslide.mode");
    boolean aa = modeName.equals("aa");
    if (!List.of("nonInferiority", "equivalence", "aa").contains(modeName)) {
      reader.problem(
          "backslide.mode", "must be nonInferiority, equivalence or aa but is '" + modeName + "'");
    }
    boolean recording = values.containsKey("backslide.record");
    boolean againstBaseline = values.containsKey("backslide.reference.baseline");
    boolean rescoring =
        values.containsKey("backslide.rescore") || values.containsKey("backslide.merge");
    boolean anyEndpoint =
        againstBaseline
            || rescoring
            || Role.compared().stream()
                .anyMatch(
                    r -> values.containsKey(key(r, "url")) || values.containsKey(key(r, "model")));
    if (!anyEndpoint) {
      problems.add(0, Problem.of("configuration", noEndpointsMessage()));
      throw new InvalidInputException("the configuration", problems);
    }
    int concurrency = reader.integer("backslide.concurrency", 1, 1024);
    Duration timeout = Duration.ofSeconds(reader.integer("backslide.timeoutSeconds", 1, 3600));
    int maxRetries = reader.integer("backslide.maxRetries", 0, 100);
    Duration retryBase = Duration.ofMillis(reader.integer("backslide.retryBaseMillis", 1, 600_000));
    boolean adaptive = reader.bool("backslide.adaptiveConcurrency");
    double tolerance = reader.decimal("backslide.latencyTolerance", -1e-12, 1000);
    if (tolerance > 0 && tolerance <= 1) {
      reader.problem(
          "backslide.latencyTolerance", "must be 0 (off) or more than 1 but is " + tolerance);
      tolerance = EndpointSpec.DEFAULT_LATENCY_TOLERANCE;
    }
    EndpointSpec reference =
        againstBaseline || rescoring
            ? placeholder(Role.REFERENCE, timeout, retryBase)
            : endpoint(Role.REFERENCE, reader, concurrency, timeout, maxRetries, retryBase)
                .withAdaptive(adaptive, tolerance);
    EndpointSpec candidate =
        recording || rescoring
            ? placeholder(Role.CANDIDATE, timeout, retryBase)
            : aa
                ? reference.withRole(Role.CANDIDATE)
                : endpoint(Role.CANDIDATE, reader, concurrency, timeout, maxRetries, retryBase)
                    .withAdaptive(adaptive, tolerance);

    double alpha = reader.decimal("backslide.alpha", 0, 0.5);
    double total = reader.decimal("backslide.margin.total", 0, 1);
    double category = reader.decimal("backslide.margin.category", 0, 1);
    Map<Axis, Double> totals = new EnumMap<>(Axis.class);
    for (Axis axis : Axis.values()) {
      String k = "backslide.margin." + axis.key() + ".total";
      totals.put(axis, values.containsKey(k) ? reader.decimal(k, 0, 1) : total);
    }
    String testName = reader.text("backslide.test");
    RegressionTest test =
        Arrays.stream(RegressionTest.values())
            .filter(t -> t.key().equals(testName))
            .findFirst()
            .orElse(null);
    if (test == null) {
      reader.problem("backslide.test", "must be exact or midp but is '" + testName + "'");
    }
    double maxErrorRate = reader.decimal("backslide.maxErrorRate", -1e-12, 1);
    Double temperature =
        values.containsKey("backslide.sampling.temperature")
            ? reader.decimal("backslide.sampling.temperature", -1e-12, 2.000001)
            : null;
    Integer maxTokens =
        values.containsKey("backslide.sampling.maxTokens")
            ? reader.integer("backslide.sampling.maxTokens", 1, 1_000_000)
            : null;
    Long seed =
        values.containsKey("backslide.sampling.seed")
            ? (long) reader.integer("backslide.sampling.seed", Integer.MIN_VALUE, Integer.MAX_VALUE)
            : null;
    Integer samples =
        values.containsKey("backslide.sampling.samples")
            ? reader.integer("backslide.sampling.samples", 1, 1000)
            : null;
    Double safetyFloor =
        values.containsKey("backslide.safetyFloor")
            ? reader.decimal("backslide.safetyFloor", 0, 1)
            : null;
    String boundary = reader.text("backslide.earlyStop");
    if (!List.of("off", "obf", "pocock").contains(boundary)) {
      reader.problem("backslide.earlyStop", "must be off, obf or pocock but is '" + boundary + "'");
      boundary = "off";
    }
    int looks = reader.integer("backslide.looks", 2, 5);
    long permutationSeed = reader.integer("backslide.seed", Integer.MIN_VALUE, Integer.MAX_VALUE);
    Path output0 = path(reader.text("backslide.output"));
    String resumeId =
        values.containsKey("backslide.resume") ? reader.text("backslide.resume").strip() : null;
    String rescoreId =
        values.containsKey("backslide.rescore") ? reader.text("backslide.rescore").strip() : null;
    String runId =
        resumeId != null
            ? resumeId
            : rescoreId != null
                ? rescoreId
                : values.containsKey("backslide.runId")
                    ? reader.text("backslide.runId").strip()
                    : java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                        .withZone(java.time.ZoneOffset.UTC)
                        .format(java.time.Instant.now());
    if (!runId.matches("[A-Za-z0-9._-]+")) {
      reader.problem(
          resumeId != null
              ? "backslide.resume"
              : rescoreId != null ? "backslide.rescore" : "backslide.runId",
          "must be a run id of letters, digits, '.', '_' or '-' but is '" + runId + "'");
    }
    Path runs = output0.resolve("runs");
    if ((resumeId != null || rescoreId != null)
        && !java.nio.file.Files.isRegularFile(runs.resolve(runId).resolve("journal.jsonl"))) {
      reader.problem(
          resumeId != null ? "backslide.resume" : "backslide.rescore",
          "no run '"
              + runId
              + "' in "
              + runs
              + " (no journal.jsonl); the ids there are the"
              + " directory names");
    }
    String baselineShown =
        againstBaseline ? reader.text("backslide.reference.baseline").strip() : null;
    Storage storage =
        new Storage(
            recording ? path(reader.text("backslide.record")) : null,
            baselineShown == null ? null : path(baselineShown),
            baselineShown,
            runId,
            runs,
            resumeId != null,
            rescoreId != null,
            reader.bool("backslide.cache") ? output0.resolve("cache") : null,
            shard(reader),
            merge(reader, runs));
    String detectorName = reader.text("backslide.refusal.detector").strip();
    if (!detectorName.equals("embedded") && !detectorName.equals("keyword")) {
      reader.problem(
          "backslide.refusal.detector",
          "must be embedded or keyword but is '" + detectorName + "'");
    }
    Path tasks = path(reader.text("backslide.tasks"));
    List<String> include =
        values.containsKey("backslide.include")
            ? Arrays.stream(reader.text("backslide.include").split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList()
            : List.of();
    Path output = path(reader.text("backslide.output"));
    Path phrases =
        values.containsKey("backslide.refusal.keywords")
            ? path(reader.text("backslide.refusal.keywords"))
            : null;
    if (phrases != null && !Files.isRegularFile(phrases)) {
      reader.problem("backslide.refusal.keywords", "no such file: " + phrases);
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("the configuration", problems);
    }
    Policy policy;
    try {
      policy =
          new Policy(
              alpha,
              totals,
              category,
              test,
              maxErrorRate,
              modeName.equals("equivalence") ? Mode.EQUIVALENCE : Mode.NON_INFERIORITY,
              safetyFloor);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "the configuration", List.of(Problem.of("margins and alpha", e.getMessage())));
    }
    return new Settings(
        reference,
        candidate,
        tasks,
        include,
        policy,
        new Sampling(temperature, maxTokens, seed, samples),
        output,
        phrases,
        aa,
        boundary.equals("off") ? EarlyStop.OFF : new EarlyStop(boundary, looks),
        permutationSeed,
        storage,
        detectorName,
        reader.bool("backslide.refusal.partialCountsAsRefusal"),
        values.containsKey("backslide.judge.url") || values.containsKey("backslide.judge.model")
            ? endpoint(Role.JUDGE, reader, concurrency, timeout, maxRetries, retryBase)
            : null,
        reader.bool("backslide.judge.decides"));
  }

  private static @Nullable Shard shard(Reader reader) {
    if (!reader.values.containsKey("backslide.shard")) {
      return null;
    }
    String text = reader.text("backslide.shard").strip();
    var m = java.util.regex.Pattern.compile("(\\d+)/(\\d+)").matcher(text);
    if (m.matches()) {
      int i = Integer.parseInt(m.group(1));
      int n = Integer.parseInt(m.group(2));
      if (i >= 1 && i <= n) {
        return new Shard(i, n);
      }
    }
    reader.problem(
        "backslide.shard", "must be i/n with 1 <= i <= n, such as 2/4, but is '" + text + "'");
    return null;
  }

  private static List<String> merge(Reader reader, Path runs) {
    if (!reader.values.containsKey("backslide.merge")) {
      return List.of();
    }
    List<String> ids =
        Arrays.stream(reader.text("backslide.merge").split(","))
            .map(String::strip)
            .filter(id -> !id.isEmpty())
            .toList();
    for (String id : ids) {
      if (!java.nio.file.Files.isRegularFile(runs.resolve(id).resolve("journal.jsonl"))) {
        reader.problem("backslide.merge", "no run '" + id + "' in " + runs + " (no journal.jsonl)");
      }
    }
    if (ids.isEmpty()) {
      reader.problem("backslide.merge", "names no run; give the shards' run ids, comma-separated");
    }
    return ids;
  }

  /** A spec for a side that is not called live; the run fills in what it learns. */
  private static EndpointSpec placeholder(Role role, Duration timeout, Duration retryBase) {
    return new EndpointSpec(
        role, URI.create("http://offline/"), "offline", null, 1, timeout, 0, retryBase);
  }

  private EndpointSpec endpoint(
      Role role,
      Reader reader,
      int concurrency,
      Duration timeout,
      int maxRetries,
      Duration retryBase) {
    String urlKey = key(role, "url");
    String modelKey = key(role, "model");
    String url = reader.values.containsKey(urlKey) ? reader.text(urlKey) : null;
    String model = reader.values.containsKey(modelKey) ? reader.text(modelKey) : null;
    if (url == null) {
      reader.problems.add(
          Problem.of(
              urlKey,
              "the "
                  + role
                  + " endpoint has no URL; set -D"
                  + urlKey
                  + "=http://host:port/v1 or "
                  + Setting.environmentVariable(urlKey)));
    }
    if (model == null) {
      reader.problems.add(
          Problem.of(
              modelKey,
              "the "
                  + role
                  + " endpoint has no model name; set -D"
                  + modelKey
                  + "=<name> or "
                  + Setting.environmentVariable(modelKey)));
    }
    URI uri = null;
    if (url != null) {
      try {
        uri = new URI(url.strip());
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
            || uri.getHost() == null) {
          reader.problem(
              urlKey,
              "must be an http or https URL such as http://localhost:8000/v1 but is '" + url + "'");
          uri = null;
        }
      } catch (URISyntaxException e) {
        reader.problem(urlKey, "is not a URL: " + e.getMessage());
      }
    }
    String apiKeyEnvKey = key(role, "apiKeyEnv");
    String apiKeyEnv =
        reader.values.containsKey(apiKeyEnvKey) ? reader.text(apiKeyEnvKey).strip() : null;
    if (apiKeyEnv != null) {
      if (!apiKeyEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        reader.problem(
            apiKeyEnvKey,
            "must be the NAME of an environment variable (the key itself never goes in settings)");
        apiKeyEnv = null;
      } else if (environment.apply(apiKeyEnv) == null) {
        reader.problem(
            apiKeyEnvKey,
            "names the environment variable "
                + apiKeyEnv
                + ", which is not set; export it with the "
                + role
                + " API key");
      }
    }
    String concurrencyKey = key(role, "concurrency");
    int c =
        reader.values.containsKey(concurrencyKey)
            ? reader.integer(concurrencyKey, 1, 1024)
            : concurrency;
    List<URI> replicas = replicas(role, reader, uri);
    if (uri == null || model == null) {
      return new EndpointSpec(
          role, URI.create("http://invalid/"), "invalid", null, 1, timeout, 0, retryBase);
    }
    return new EndpointSpec(role, uri, model.strip(), apiKeyEnv, c, timeout, maxRetries, retryBase)
        .withReplicas(replicas);
  }

  /** The further base URLs of {@code role}'s endpoint, each checked like the url. */
  private static List<URI> replicas(Role role, Reader reader, @Nullable URI url) {
    String key = key(role, "replicas");
    if (!reader.values.containsKey(key)) {
      return List.of();
    }
    List<URI> replicas = new ArrayList<>();
    for (String part : reader.text(key).split(",")) {
      String text = part.strip();
      if (text.isEmpty()) {
        continue;
      }
      try {
        URI uri = new URI(text);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
            || uri.getHost() == null) {
          reader.problem(
              key,
              "must list http or https URLs such as http://localhost:8002/v1 but has '"
                  + text
                  + "'");
        } else if (uri.equals(url) || replicas.contains(uri)) {
          reader.problem(key, "lists " + text + " twice (the url counts); list each replica once");
        } else {
          replicas.add(uri);
        }
      } catch (URISyntaxException e) {
        reader.problem(key, "has '" + text + "', which is not a URL: " + e.getMessage());
      }
    }
    return replicas;
  }

  private static String key(Role role, String name) {
    return "backslide." + role.key() + "." + name;
  }

  private Path path(String text) {
    Path p = Path.of(text.strip());
    return p.isAbsolute() ? p : base.resolve(p).normalize();
  }

  private Optional<ConfigValue> resolve(Setting setting, Map<String, ConfigValue> file) {
    String property = properties.get(setting.key());
    if (property != null) {
      return Optional.of(new ConfigValue(property, "system property " + setting.key()));
    }
    String variable = environment.apply(setting.environmentVariable());
    if (variable != null) {
      return Optional.of(
          new ConfigValue(variable, "environment variable " + setting.environmentVariable()));
    }
    ConfigValue fromFile = file.get(setting.key());
    if (fromFile != null) {
      return Optional.of(fromFile);
    }
    return Optional.ofNullable(setting.defaultValue())
        .map(d -> new ConfigValue(d, "default of " + setting.key()));
  }

  private Map<String, ConfigValue> readFile(List<Problem> problems) {
    String name = properties.get("backslide.config");
    if (name == null) {
      name = environment.apply(Setting.environmentVariable("backslide.config"));
    }
    if (name == null) {
      return Map.of();
    }
    Path file = path(name);
    String shown = name.strip();
    Problems fileProblems = new Problems(shown);
    Map<String, ConfigValue> values = new LinkedHashMap<>();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      problems.add(
          Problem.of(
              "backslide.config",
              "cannot read the configuration file "
                  + file
                  + " ("
                  + e.getClass().getSimpleName()
                  + "); check the path"));
      return Map.of();
    }
    Node root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(true);
      root = new Yaml(options).compose(new java.io.StringReader(text));
    } catch (MarkedYAMLException e) {
      var mark = e.getProblemMark();
      problems.add(
          new Problem(
              shown,
              mark == null ? 1 : mark.getLine() + 1,
              mark == null ? 1 : mark.getColumn() + 1,
              "not valid YAML: " + e.getProblem()));
      return Map.of();
    }
    if (root != null) {
      YamlMap.of(root, fileProblems, "a configuration file")
          .ifPresent(map -> flatten(map, "backslide.", values, fileProblems, shown));
    }
    problems.addAll(fileProblems.list());
    return values;
  }

  private void flatten(
      YamlMap map, String prefix, Map<String, ConfigValue> out, Problems problems, String shown) {
    for (String name : map.keys()) {
      String key = prefix + name;
      Node value = map.value(name);
      if (value == null) {
        continue;
      }
      boolean isPrefix = BY_KEY.keySet().stream().anyMatch(k -> k.startsWith(key + "."));
      if (BY_KEY.containsKey(key) && !key.equals("backslide.config")) {
        String text = scalarOrList(value, problems, name);
        if (text != null) {
          var mark = value.getStartMark();
          out.put(
              key,
              new ConfigValue(
                  text, shown + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1)));
        }
      } else if (isPrefix) {
        YamlMap.of(value, problems, "'" + name + "'")
            .ifPresent(child -> flatten(child, key + ".", out, problems, shown));
      } else {
        List<String> known =
            BY_KEY.keySet().stream()
                .filter(k -> k.startsWith(prefix) && !k.equals("backslide.config"))
                .map(k -> k.substring(prefix.length()).split("\\.")[0])
                .distinct()
                .sorted()
                .toList();
        Node keyNode = map.keyNode(name);
        String close = closest(key);
        problems.at(
            keyNode == null ? value : keyNode,
            "unknown setting '"
                + name
                + "'; "
                + (close != null
                    ? "did you mean " + close.substring(prefix.length()) + "?"
                    : "expected one of " + String.join(", ", known)));
      }
    }
  }

  private static @Nullable String scalarOrList(Node value, Problems problems, String name) {
    if (value instanceof ScalarNode scalar) {
      return scalar.getValue();
    }
    if (value instanceof SequenceNode sequence) {
      List<String> parts = new ArrayList<>();
      for (Node item : sequence.getValue()) {
        if (item instanceof ScalarNode s) {
          parts.add(s.getValue());
        } else {
          problems.at(item, "'" + name + "' must be a list of plain values");
          return null;
        }
      }
      return String.join(",", parts);
    }
    problems.at(value, "'" + name + "' must be a single value");
    return null;
  }

  private static @Nullable String closest(String key) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String known : BY_KEY.keySet()) {
      int d =
          distance(
              key.toLowerCase(java.util.Locale.ROOT), known.toLowerCase(java.util.Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = known;
      }
    }
    return bestDistance <= 3 ? best : null;
  }

  private static String suggestion(String key) {
    String close = closest(key);
    return close != null
        ? "; did you mean " + close + "?"
        : "; see the configuration reference in README.md";
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  static String noEndpointsMessage() {
    return "no endpoints are configured, so there is nothing to compare. Set the reference and the"
        + " candidate endpoint with system properties\n"
        + "    backslide.reference.url, backslide.reference.model, backslide.candidate.url,"
        + " backslide.candidate.model\n"
        + "  or environment variables BACKSLIDE_REFERENCE_URL, BACKSLIDE_REFERENCE_MODEL,"
        + " BACKSLIDE_CANDIDATE_URL, BACKSLIDE_CANDIDATE_MODEL\n"
        + "  or a YAML file named by -Dbackslide.config=backslide.yaml. For example:\n    "
        + EXAMPLE
        + "\n  (Backslide's own tests are a different command: mvn verify -Pself-test)";
  }

  /** Typed access to resolved values that records problems against their origin. */
  private static final class Reader {
    final Map<String, ConfigValue> values;
    final List<Problem> problems;

    Reader(Map<String, ConfigValue> values, List<Problem> problems) {
      this.values = values;
      this.problems = problems;
    }

    String text(String key) {
      ConfigValue v = values.get(key);
      return v == null ? "" : v.value();
    }

    void problem(String key, String message) {
      ConfigValue v = values.get(key);
      String origin = v == null ? key : v.origin();
      problems.add(
          Problem.of(
              origin,
              (origin.startsWith("system")
                          || origin.startsWith("environment")
                          || origin.startsWith("default")
                      ? ""
                      : key + " ")
                  + message));
    }

    boolean bool(String key) {
      String text = text(key).strip().toLowerCase(java.util.Locale.ROOT);
      if (text.equals("true") || text.equals("false")) {
        return text.equals("true");
      }
      problem(key, "must be true or false but is '" + text(key).strip() + "'");
      return true;
    }

    int integer(String key, int min, int max) {
      String text = text(key).strip();
      try {
        int value = Integer.parseInt(text);
        if (value < min || value > max) {
          problem(key, "must be between " + min + " and " + max + " but is " + value);
          return min;
        }
        return value;
      } catch (NumberFormatException e) {
        problem(key, "must be a whole number but is '" + text + "'");
        return min;
      }
    }

    double decimal(String key, double lowExclusive, double highExclusive) {
      String text = text(key).strip();
      try {
        double value = Double.parseDouble(text);
        if (!(value > lowExclusive && value < highExclusive)) {
          problem(
              key,
              "must be between "
                  + Math.max(0, lowExclusive)
                  + " and "
                  + highExclusive
                  + " but is "
                  + text);
          return 0.05;
        }
        return value;
      } catch (NumberFormatException e) {
        problem(key, "must be a number but is '" + text + "'");
        return 0.05;
      }
    }
  }

  static Set<String> keys() {
    return BY_KEY.keySet();
  }
}
