package dev.backslide.task;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which scorer a task uses and its options, as written in the task file.
 *
 * <p>Types: {@code exact}, {@code numeric} (option {@code tolerance}), {@code choice} (multiple
 * choice), {@code regex} (the target is a pattern), {@code contains}, and {@code refusal} (safety
 * and over-refusal tasks), {@code instructions} (each item's {@link Instruction}s are checked;
 * option {@code loose}).
 */
public record ScorerSpec(String type, Map<String, Object> options) {
  public static final Set<String> TYPES =
      Set.of("exact", "numeric", "choice", "regex", "contains", "refusal", "instructions");

  public ScorerSpec {
    Objects.requireNonNull(type, "type");
    if (!TYPES.contains(type)) {
      throw new IllegalArgumentException(
          "unknown scorer type '" + type + "'; expected one of " + String.join(", ", sorted()));
    }
    options = Map.copyOf(options);
  }

  /** The known scorer types, sorted, for messages. */
  public static java.util.List<String> sorted() {
    return TYPES.stream().sorted().toList();
  }

  /** True for scorers that compare against an item's target. */
  public boolean needsTarget() {
    return !type.equals("refusal") && !type.equals("instructions");
  }

  public double doubleOption(String name, double fallback) {
    Object value = options.get(name);
    return value instanceof Number n ? n.doubleValue() : fallback;
  }

  public boolean booleanOption(String name, boolean fallback) {
    Object value = options.get(name);
    return value instanceof Boolean b ? b : fallback;
  }
}
