package dev.backslide.task.generate;

import java.util.List;
import java.util.stream.Collectors;

/** Double-quoted YAML scalars, so no value is ever read as anything but a string. */
final class Yaml {
  private Yaml() {}

  static String quote(String text) {
    StringBuilder q = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> q.append("\\\"");
        case '\\' -> q.append("\\\\");
        case '\n' -> q.append("\\n");
        case '\t' -> q.append("\\t");
        default -> q.append(c);
      }
    }
    return q.append('"').toString();
  }

  static String value(Object value) {
    if (value instanceof Integer n) {
      return n.toString();
    }
    if (value instanceof List<?> list) {
      return list.stream()
          .map(o -> quote(o.toString()))
          .collect(Collectors.joining(", ", "[", "]"));
    }
    return quote(value.toString());
  }
}
