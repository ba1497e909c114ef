package dev.backslide.task;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The instruction ids the {@code instructions} scorer checks (IFEval's, see {@code
 * google-research/instruction_following_eval}), and the arguments each takes, so that task files
 * and imported datasets are validated before any endpoint is called.
 */
public final class InstructionCatalog {
  /** The kind of value an argument takes. */
  public enum Kind {
    TEXT("a string"),
    NUMBER("a whole number, 0 or more"),
    WORDS("a list of words"),
    RELATION("\"less than\" or \"at least\""),
    LANGUAGE("an ISO 639-1 language code such as de or hi");

    private final String description;

    Kind(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  /**
   * One argument of an instruction.
   *
   * @param name as written in task files and IFEval's kwargs
   * @param kind what its value must be
   * @param required whether the instruction needs it
   */
  public record Arg(String name, Kind kind, boolean required) {}

  private static final Map<String, List<Arg>> ARGS = build();

  /** The languages {@code language:response_language} can recognise. */
  public static final List<String> LANGUAGES =
      List.of(
          "ar", "bg", "bn", "de", "en", "es", "fa", "fi", "fr", "gu", "hi", "it", "ja", "kn", "ko",
          "mr", "ne", "pa", "pt", "ru", "sw", "ta", "te", "th", "ur", "vi", "zh");

  private InstructionCatalog() {}

  private static Map<String, List<Arg>> build() {
    Map<String, List<Arg>> m = new TreeMap<>();
    m.put(
        "change_case:capital_word_frequency",
        List.of(req("capital_frequency", Kind.NUMBER), req("capital_relation", Kind.RELATION)));
    m.put("change_case:english_capital", List.of());
    m.put("change_case:english_lowercase", List.of());
    m.put("combination:repeat_prompt", List.of(req("prompt_to_repeat", Kind.TEXT)));
    m.put("combination:two_responses", List.of());
    m.put("detectable_content:number_placeholders", List.of(req("num_placeholders", Kind.NUMBER)));
    m.put("detectable_content:postscript", List.of(req("postscript_marker", Kind.TEXT)));
    m.put("detectable_format:constrained_response", List.of());
    m.put("detectable_format:json_format", List.of());
    m.put(
        "detectable_format:multiple_sections",
        List.of(req("section_spliter", Kind.TEXT), req("num_sections", Kind.NUMBER)));
    m.put("detectable_format:number_bullet_lists", List.of(req("num_bullets", Kind.NUMBER)));
    m.put(
        "detectable_format:number_highlighted_sections",
        List.of(req("num_highlights", Kind.NUMBER)));
    m.put("detectable_format:title", List.of());
    m.put("keywords:existence", List.of(req("keywords", Kind.WORDS)));
    m.put("keywords:forbidden_words", List.of(req("forbidden_words", Kind.WORDS)));
    m.put(
        "keywords:frequency",
        List.of(
            req("keyword", Kind.TEXT),
            req("frequency", Kind.NUMBER),
            req("relation", Kind.RELATION)));
    m.put(
        "keywords:letter_frequency",
        List.of(
            req("letter", Kind.TEXT),
            req("let_frequency", Kind.NUMBER),
            req("let_relation", Kind.RELATION)));
    m.put("language:response_language", List.of(req("language", Kind.LANGUAGE)));
    m.put(
        "length_constraints:nth_paragraph_first_word",
        List.of(
            req("num_paragraphs", Kind.NUMBER),
            req("nth_paragraph", Kind.NUMBER),
            req("first_word", Kind.TEXT)));
    m.put("length_constraints:number_paragraphs", List.of(req("num_paragraphs", Kind.NUMBER)));
    m.put(
        "length_constraints:number_sentences",
        List.of(req("num_sentences", Kind.NUMBER), req("relation", Kind.RELATION)));
    m.put(
        "length_constraints:number_words",
        List.of(req("num_words", Kind.NUMBER), req("relation", Kind.RELATION)));
    m.put("punctuation:no_comma", List.of());
    m.put("startend:end_checker", List.of(req("end_phrase", Kind.TEXT)));
    m.put("startend:quotation", List.of());
    return Map.copyOf(m);
  }

  private static Arg req(String name, Kind kind) {
    return new Arg(name, kind, true);
  }

  /** Every known instruction id, sorted. */
  public static List<String> ids() {
    return ARGS.keySet().stream().sorted().toList();
  }

  /** The arguments of {@code id}, or empty when the id is unknown. */
  public static Optional<List<Arg>> args(String id) {
    return Optional.ofNullable(ARGS.get(id));
  }

  /**
   * What is wrong with {@code value} for {@code arg}, or empty when it fits; {@code value} is a
   * String, a Number or a List.
   */
  public static Optional<String> check(Arg arg, Object value) {
    boolean ok =
        switch (arg.kind()) {
          case TEXT -> value instanceof String s && !s.isEmpty();
          case NUMBER -> value instanceof Integer n && n >= 0;
          case WORDS -> value instanceof List<?> l && !l.isEmpty();
          case RELATION -> "less than".equals(value) || "at least".equals(value);
          case LANGUAGE -> value instanceof String s && LANGUAGES.contains(s);
        };
    return ok
        ? Optional.empty()
        : Optional.of(
            "'" + arg.name() + "' must be " + arg.kind().description() + " but is " + value);
  }
}
