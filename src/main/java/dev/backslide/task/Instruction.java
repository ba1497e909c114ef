package dev.backslide.task;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One verifiable instruction an answer must follow, named by an IFEval instruction id such as
 * {@code length_constraints:number_words}, with its arguments ({@code relation: "at least",
 * num_words: 50}). {@link InstructionCatalog} lists the ids and the arguments each takes.
 *
 * @param id the instruction id
 * @param args argument values: {@link String}, {@link Integer} or a {@link java.util.List} of
 *     strings
 */
public record Instruction(String id, Map<String, Object> args) {
  public Instruction {
    Objects.requireNonNull(id, "id");
    args = Map.copyOf(args);
  }

  /** A string argument, or the empty string when absent. */
  public String text(String name) {
    Object value = args.get(name);
    return value == null ? "" : value.toString();
  }

  /** An integer argument, or {@code fallback} when absent. */
  public int number(String name, int fallback) {
    Object value = args.get(name);
    return value instanceof Number n ? n.intValue() : fallback;
  }

  /** A list-of-strings argument, or the empty list when absent. */
  public List<String> words(String name) {
    Object value = args.get(name);
    if (value instanceof List<?> list) {
      return list.stream().map(Object::toString).toList();
    }
    return value == null ? List.of() : List.of(value.toString());
  }

  /** "keywords:existence {keywords=[a, b]}", for reasons. */
  @Override
  public String toString() {
    return args.isEmpty() ? id : id + " " + new TreeMap<>(args);
  }
}
