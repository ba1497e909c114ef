package dev.backslide.task.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Field paths into a record: {@code question}, {@code answer.text}, {@code choices[2]}, {@code
 * a.b[0].c}. For CSV records a path is a column name (or its index for headerless files).
 */
final class Fields {
  private static final Pattern STEP = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)\\]");

  private Fields() {}

  /** True when {@code path} is well formed. */
  static boolean valid(String path) {
    if (path.isBlank() || path.startsWith(".") || path.endsWith(".")) {
      return false;
    }
    Matcher m = STEP.matcher(path);
    int at = 0;
    while (m.find()) {
      if (m.start() != at) {
        if (!(path.charAt(at) == '.' && m.start() == at + 1)) {
          return false;
        }
      }
      at = m.end();
    }
    return at == path.length();
  }

  /** The node at {@code path}, or null when any step is missing. */
  static @Nullable JsonNode at(JsonNode root, String path) {
    if (root.has(path)) {
      return root.get(path);
    }
    JsonNode node = root;
    Matcher m = STEP.matcher(path);
    while (m.find()) {
      if (node == null) {
        return null;
      }
      node = m.group(1) != null ? node.get(m.group(1)) : node.get(Integer.parseInt(m.group(2)));
    }
    return node == null || node.isMissingNode() ? null : node;
  }

  /** The text at {@code path}: a string as is, a number or boolean as written; else null. */
  static @Nullable String text(JsonNode root, String path) {
    JsonNode node = at(root, path);
    if (node == null || node.isNull() || node.isContainerNode()) {
      return null;
    }
    return node.asText();
  }
}
