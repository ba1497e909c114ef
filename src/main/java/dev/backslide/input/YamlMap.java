package dev.backslide.input;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML mapping read with positions: typed getters that record a {@link Problem} instead of
 * throwing, so that one pass over a file reports everything wrong with it.
 */
public final class YamlMap {
  private final MappingNode node;
  private final Problems problems;
  private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

  private YamlMap(MappingNode node, Problems problems) {
    this.node = node;
    this.problems = problems;
    for (NodeTuple tuple : node.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
        problems.at(tuple.getKeyNode(), "keys must be plain names");
        continue;
      }
      NodeTuple earlier = entries.putIfAbsent(key.getValue(), tuple);
      if (earlier != null) {
        problems.at(
            key,
            "duplicate key '"
                + key.getValue()
                + "' (first at line "
                + (earlier.getKeyNode().getStartMark().getLine() + 1)
                + "); keep one");
      }
    }
  }

  /** Reads {@code node} as a mapping, or records a problem and returns empty. */
  public static Optional<YamlMap> of(Node node, Problems problems, String what) {
    if (node instanceof MappingNode mapping) {
      return Optional.of(new YamlMap(mapping, problems));
    }
    problems.at(node, what + " must be a mapping of keys to values");
    return Optional.empty();
  }

  public Node node() {
    return node;
  }

  public Problems problems() {
    return problems;
  }

  public Set<String> keys() {
    return entries.keySet();
  }

  /** Records a problem for each key not in {@code allowed}. */
  public void rejectUnknownKeys(Set<String> allowed, String where) {
    for (var entry : entries.entrySet()) {
      if (!allowed.contains(entry.getKey())) {
        problems.at(
            entry.getValue().getKeyNode(),
            "unknown key '"
                + entry.getKey()
                + "' in "
                + where
                + "; expected one of "
                + String.join(", ", new TreeSet<>(allowed)));
      }
    }
  }

  public @Nullable Node value(String key) {
    NodeTuple tuple = entries.get(key);
    return tuple == null ? null : tuple.getValueNode();
  }

  /** The key node of an entry, for positions, or null. */
  public @Nullable Node keyNode(String key) {
    NodeTuple tuple = entries.get(key);
    return tuple == null ? null : tuple.getKeyNode();
  }

  public boolean has(String key) {
    return entries.containsKey(key);
  }

  /** A required or optional string; records a problem when present but not a scalar. */
  public @Nullable String string(String key, boolean required, String what) {
    Node value = value(key);
    if (value == null) {
      if (required) {
        problems.at(node, "missing '" + key + "': " + what);
      }
      return null;
    }
    if (value instanceof ScalarNode scalar) {
      String text = scalar.getValue();
      if (required && text.isBlank()) {
        problems.at(value, "'" + key + "' is empty: " + what);
        return null;
      }
      return text;
    }
    problems.at(value, "'" + key + "' must be a single value: " + what);
    return null;
  }

  /** An optional integer within [min, max]. */
  public @Nullable Integer integer(String key, boolean required, int min, int max, String what) {
    String text = string(key, required, what);
    if (text == null) {
      return null;
    }
    try {
      int value = Integer.parseInt(text.trim());
      if (value < min || value > max) {
        problems.at(
            value(key),
            "'" + key + "' must be between " + min + " and " + max + " but is " + value);
        return null;
      }
      return value;
    } catch (NumberFormatException e) {
      problems.at(value(key), "'" + key + "' must be a whole number but is '" + text + "'");
      return null;
    }
  }

  /** An optional decimal number within [min, max]. */
  public @Nullable Double number(String key, double min, double max, String what) {
    String text = string(key, false, what);
    if (text == null) {
      return null;
    }
    try {
      double value = Double.parseDouble(text.trim());
      if (!(value >= min && value <= max)) {
        problems.at(
            value(key),
            "'" + key + "' must be between " + min + " and " + max + " but is " + text.trim());
        return null;
      }
      return value;
    } catch (NumberFormatException e) {
      problems.at(value(key), "'" + key + "' must be a number but is '" + text + "'");
      return null;
    }
  }

  /** An optional boolean ({@code true} or {@code false}). */
  public @Nullable Boolean bool(String key, String what) {
    String text = string(key, false, what);
    if (text == null) {
      return null;
    }
    return switch (text.trim()) {
      case "true" -> true;
      case "false" -> false;
      default -> {
        problems.at(value(key), "'" + key + "' must be true or false but is '" + text + "'");
        yield null;
      }
    };
  }

  /** An optional list of nodes; records a problem when present but not a list. */
  public @Nullable List<Node> list(String key, String what) {
    Node value = value(key);
    if (value == null) {
      return null;
    }
    if (value instanceof SequenceNode sequence) {
      return sequence.getValue();
    }
    problems.at(value, "'" + key + "' must be a list: " + what);
    return null;
  }
}
