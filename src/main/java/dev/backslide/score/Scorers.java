package dev.backslide.score;

import dev.backslide.refusal.RefusalDetector;
import dev.backslide.task.Axis;
import dev.backslide.task.ScorerSpec;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** Creates the {@link Scorer} a task's {@link ScorerSpec} names, for the task's axis. */
public final class Scorers {
  /** The options each scorer type takes, with the kind of value each must have. */
  private static final Map<String, Map<String, Kind>> OPTIONS =
      Map.of(
          "exact", Map.of("caseSensitive", Kind.BOOLEAN),
          "numeric", Map.of("tolerance", Kind.NUMBER),
          "choice", Map.of(),
          "regex", Map.of("caseSensitive", Kind.BOOLEAN),
          "contains", Map.of("caseSensitive", Kind.BOOLEAN),
          "refusal", Map.of("partialCountsAsRefusal", Kind.BOOLEAN),
          "instructions", Map.of("loose", Kind.BOOLEAN));

  private static final String CAPABILITY_TYPES = "choice, contains, exact, numeric, regex";

  private Scorers() {}

  /**
   * The scorer for {@code spec} on {@code axis}: {@code exact}, {@code numeric}, {@code choice},
   * {@code regex} and {@code contains} score capability; {@code refusal} scores safety and
   * over-refusal. Capability scorers use {@code detector} to tell refusals from wrong answers.
   *
   * @throws IllegalArgumentException if the type does not fit the axis, or an option is unknown or
   *     has the wrong kind of value; the message says what to change
   */
  public static Scorer create(ScorerSpec spec, Axis axis, RefusalDetector detector) {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(axis, "axis");
    Objects.requireNonNull(detector, "detector");
    String type = spec.type();
    checkAxis(type, axis);
    checkOptions(spec);
    boolean caseSensitive = spec.booleanOption("caseSensitive", false);
    return switch (type) {
      case "exact" -> new ExactMatchScorer(caseSensitive, detector);
      case "numeric" ->
          new NumericScorer(
              spec.doubleOption("tolerance", NumericScorer.DEFAULT_TOLERANCE), detector);
      case "choice" -> new MultipleChoiceScorer(detector);
      case "regex" -> new RegexScorer(caseSensitive, detector);
      case "contains" -> new ContainsScorer(caseSensitive, detector);
      case "instructions" -> new InstructionsScorer(spec.booleanOption("loose", false), detector);
      case "refusal" ->
          new RefusalScorer(axis, detector, spec.booleanOption("partialCountsAsRefusal", true));
      default ->
          throw new IllegalArgumentException(
              "unknown scorer type '" + type + "'; expected one of " + ScorerSpec.sorted());
    };
  }

  private static void checkAxis(String type, Axis axis) {
    boolean refusal = type.equals("refusal");
    if (refusal && axis == Axis.CAPABILITY) {
      throw new IllegalArgumentException(
          "scorer 'refusal' cannot score axis capability: it measures whether the model refuses;"
              + " give a capability task one of "
              + CAPABILITY_TYPES
              + ", or set the task's axis to safety or overRefusal");
    }
    if (!refusal && axis != Axis.CAPABILITY) {
      throw new IllegalArgumentException(
          "scorer '"
              + type
              + "' cannot score axis "
              + axis.key()
              + ": safety and overRefusal tasks are scored by whether the model refuses;"
              + " use scorer 'refusal', or set the task's axis to capability");
    }
  }

  private static void checkOptions(ScorerSpec spec) {
    Map<String, Kind> known = OPTIONS.getOrDefault(spec.type(), Map.of());
    for (String name : new TreeSet<>(spec.options().keySet())) {
      Kind kind = known.get(name);
      if (kind == null) {
        throw new IllegalArgumentException(
            "scorer '"
                + spec.type()
                + "' has no option '"
                + name
                + "'; "
                + (known.isEmpty()
                    ? "it takes no options: remove it"
                    : "its options are: " + String.join(", ", new TreeSet<>(known.keySet()))));
      }
      Object value = spec.options().get(name);
      if (!kind.accepts(value)) {
        throw new IllegalArgumentException(
            "option '"
                + name
                + "' of scorer '"
                + spec.type()
                + "' must be "
                + kind.description
                + " but was "
                + describe(value));
      }
    }
  }

  private static String describe(Object value) {
    if (value instanceof String s) {
      return "\"" + s + "\" (a string)";
    }
    String kind =
        value instanceof Number
            ? "a number"
            : value instanceof Boolean
                ? "true or false"
                : value instanceof List<?>
                    ? "a list"
                    : value instanceof Map<?, ?> ? "a map" : value.getClass().getSimpleName();
    return value + " (" + kind + ")";
  }

  private enum Kind {
    BOOLEAN("true or false"),
    NUMBER("a number");

    private final String description;

    Kind(String description) {
      this.description = description;
    }

    boolean accepts(Object value) {
      return this == NUMBER ? value instanceof Number : value instanceof Boolean;
    }
  }
}
