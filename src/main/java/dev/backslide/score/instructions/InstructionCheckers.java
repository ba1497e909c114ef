package dev.backslide.score.instructions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backslide.task.Instruction;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@link Checker} per instruction id of {@link dev.backslide.task.InstructionCatalog}, each
 * following IFEval's {@code instructions.py} (google-research, {@code instruction_following_eval}).
 * Keyword arguments are matched as IFEval does: as case-insensitive regular expressions for {@code
 * keywords:existence} and {@code keywords:frequency}, as whole words for {@code
 * keywords:forbidden_words}.
 */
public final class InstructionCheckers {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Checker> CHECKERS = build();

  private InstructionCheckers() {}

  /** The checker for {@code id}, or empty when there is none. */
  public static Optional<Checker> forId(String id) {
    return Optional.ofNullable(CHECKERS.get(id));
  }

  /** Every id with a checker, sorted. */
  public static List<String> ids() {
    return CHECKERS.keySet().stream().sorted().toList();
  }

  private static Map<String, Checker> build() {
    Map<String, Checker> m = new TreeMap<>();
    m.put(
        "change_case:capital_word_frequency",
        (r, i) ->
            Text.relation(
                capitalWords(r), i.text("capital_relation"), i.number("capital_frequency", 0)));
    m.put(
        "change_case:english_capital",
        (r, i) -> Text.isUpper(r) && LanguageDetector.detect(r).equals("en"));
    m.put(
        "change_case:english_lowercase",
        (r, i) -> Text.isLower(r) && LanguageDetector.detect(r).equals("en"));
    m.put(
        "combination:repeat_prompt",
        (r, i) ->
            r.strip()
                .toLowerCase(Locale.ROOT)
                .startsWith(i.text("prompt_to_repeat").strip().toLowerCase(Locale.ROOT)));
    m.put("combination:two_responses", (r, i) -> twoResponses(r));
    m.put(
        "detectable_content:number_placeholders",
        (r, i) -> count(Pattern.compile("\\[.*?\\]"), r) >= i.number("num_placeholders", 0));
    m.put("detectable_content:postscript", InstructionCheckers::postscript);
    m.put(
        "detectable_format:constrained_response",
        (r, i) ->
            List.of("My answer is yes.", "My answer is no.", "My answer is maybe.").stream()
                .anyMatch(r.strip()::contains));
    m.put("detectable_format:json_format", (r, i) -> json(r));
    m.put("detectable_format:multiple_sections", InstructionCheckers::sections);
    m.put(
        "detectable_format:number_bullet_lists",
        (r, i) ->
            count(Pattern.compile("^\\s*\\*[^*].*$", Pattern.MULTILINE), r)
                    + count(Pattern.compile("^\\s*-.*$", Pattern.MULTILINE), r)
                == i.number("num_bullets", 0));
    m.put(
        "detectable_format:number_highlighted_sections",
        (r, i) -> highlights(r) >= i.number("num_highlights", 0));
    m.put(
        "detectable_format:title",
        (r, i) -> {
          Matcher t = Pattern.compile("<<[^\\n]+>>").matcher(r);
          while (t.find()) {
            if (!t.group().replaceAll("^<+", "").replaceAll(">+$", "").isBlank()) {
              return true;
            }
          }
          return false;
        });
    m.put(
        "keywords:existence",
        (r, i) -> i.words("keywords").stream().allMatch(k -> insensitive(k).matcher(r).find()));
    m.put(
        "keywords:forbidden_words",
        (r, i) ->
            i.words("forbidden_words").stream()
                .noneMatch(w -> insensitive("\\b" + w + "\\b").matcher(r).find()));
    m.put(
        "keywords:frequency",
        (r, i) ->
            Text.relation(
                count(insensitive(i.text("keyword")), r),
                i.text("relation"),
                i.number("frequency", 0)));
    m.put(
        "keywords:letter_frequency",
        (r, i) -> {
          String letter = i.text("letter").toLowerCase(Locale.ROOT);
          int n = letter.isEmpty() ? 0 : countOf(r.toLowerCase(Locale.ROOT), letter.charAt(0));
          return Text.relation(n, i.text("let_relation"), i.number("let_frequency", 0));
        });
    m.put(
        "language:response_language",
        (r, i) -> LanguageDetector.detect(r).equals(i.text("language")));
    m.put("length_constraints:nth_paragraph_first_word", InstructionCheckers::nthFirstWord);
    m.put("length_constraints:number_paragraphs", InstructionCheckers::paragraphs);
    m.put(
        "length_constraints:number_sentences",
        (r, i) ->
            Text.relation(
                Text.sentences(r).size(), i.text("relation"), i.number("num_sentences", 0)));
    m.put(
        "length_constraints:number_words",
        (r, i) -> Text.relation(Text.words(r), i.text("relation"), i.number("num_words", 0)));
    m.put("punctuation:no_comma", (r, i) -> r.indexOf(',') < 0);
    m.put(
        "startend:end_checker",
        (r, i) ->
            strip(r.strip(), '"')
                .toLowerCase(Locale.ROOT)
                .endsWith(i.text("end_phrase").strip().toLowerCase(Locale.ROOT)));
    m.put(
        "startend:quotation",
        (r, i) -> {
          String s = r.strip();
          return s.length() > 1 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"';
        });
    return Map.copyOf(m);
  }

  private static Pattern insensitive(String regex) {
    try {
      return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    } catch (java.util.regex.PatternSyntaxException e) {
      return Pattern.compile(Pattern.quote(regex), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
  }

  private static int count(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static int countOf(String text, char c) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      n += text.charAt(i) == c ? 1 : 0;
    }
    return n;
  }

  private static String strip(String s, char c) {
    int from = 0;
    int to = s.length();
    while (from < to && s.charAt(from) == c) {
      from++;
    }
    while (to > from && s.charAt(to - 1) == c) {
      to--;
    }
    return s.substring(from, to);
  }

  /** Words (as nltk tokenises, approximately) written entirely in capitals. */
  private static int capitalWords(String text) {
    Matcher m = Pattern.compile("[\\p{L}\\p{N}'’]+").matcher(text);
    int n = 0;
    while (m.find()) {
      n += Text.isUpper(m.group()) ? 1 : 0;
    }
    return n;
  }

  private static boolean twoResponses(String text) {
    String[] parts = text.split("\\*\\*\\*\\*\\*\\*", -1);
    List<String> valid = new java.util.ArrayList<>();
    for (int k = 0; k < parts.length; k++) {
      if (parts[k].isBlank()) {
        if (k != 0 && k != parts.length - 1) {
          return false;
        }
      } else {
        valid.add(parts[k]);
      }
    }
    return valid.size() == 2 && !valid.get(0).strip().equals(valid.get(1).strip());
  }

  private static boolean postscript(String text, Instruction i) {
    String marker = i.text("postscript_marker");
    String regex =
        switch (marker) {
          case "P.S." -> "\\s*p\\.\\s?s\\..*$";
          case "P.P.S" -> "\\s*p\\.\\s?p\\.\\s?s.*$";
          default -> "\\s*" + Pattern.quote(marker.toLowerCase(Locale.ROOT)) + ".*$";
        };
    return Pattern.compile(regex, Pattern.MULTILINE).matcher(text.toLowerCase(Locale.ROOT)).find();
  }

  private static boolean json(String text) {
    String s = text.strip();
    for (String prefix : List.of("```json", "```Json", "```JSON", "```")) {
      if (s.startsWith(prefix)) {
        s = s.substring(prefix.length());
        break;
      }
    }
    if (s.endsWith("```")) {
      s = s.substring(0, s.length() - 3);
    }
    s = s.strip();
    try (var parser = JSON.createParser(s)) {
      JSON.readTree(parser);
      return parser.nextToken() == null && !s.isEmpty();
    } catch (JsonProcessingException e) {
      return false;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static boolean sections(String text, Instruction i) {
    String splitter = i.text("section_spliter").strip();
    String[] parts =
        Pattern.compile("\\s?" + Pattern.quote(splitter) + "\\s?\\d+\\s?").split(text, -1);
    return parts.length - 1 >= i.number("num_sections", 0);
  }

  private static int highlights(String text) {
    int n = 0;
    Matcher single = Pattern.compile("\\*[^\\n*]*\\*").matcher(text);
    while (single.find()) {
      n += strip(single.group(), '*').isBlank() ? 0 : 1;
    }
    Matcher twice = Pattern.compile("\\*\\*[^\\n*]*\\*\\*").matcher(text);
    while (twice.find()) {
      String g = twice.group();
      n += g.substring(2, g.length() - 2).isBlank() ? 0 : 1;
    }
    return n;
  }

  /** IFEval: paragraphs are separated by a markdown divider {@code ***}. */
  private static boolean paragraphs(String text, Instruction i) {
    String[] parts = Pattern.compile("\\s?\\*\\*\\*\\s?").split(text, -1);
    int n = parts.length;
    for (int k = 0; k < parts.length; k++) {
      if (parts[k].isBlank()) {
        if (k == 0 || k == parts.length - 1) {
          n--;
        } else {
          return false;
        }
      }
    }
    return n == i.number("num_paragraphs", 0);
  }

  /** IFEval: paragraphs are separated by a blank line ("\n\n"). */
  private static boolean nthFirstWord(String text, Instruction i) {
    String[] parts = text.split("\n\n", -1);
    int n = parts.length;
    for (String part : parts) {
      if (part.isBlank()) {
        n--;
      }
    }
    int nth = i.number("nth_paragraph", 0);
    if (nth < 1 || nth > n) {
      return false;
    }
    String paragraph = parts[nth - 1].strip();
    if (paragraph.isEmpty()) {
      return false;
    }
    String word = paragraph.split("\\s+")[0].strip().replaceAll("^'+", "").replaceAll("^\"+", "");
    StringBuilder first = new StringBuilder();
    for (char c : word.toCharArray()) {
      if (".,?!'\"".indexOf(c) >= 0) {
        break;
      }
      first.append(Character.toLowerCase(c));
    }
    return n == i.number("num_paragraphs", 0)
        && first.toString().equals(i.text("first_word").toLowerCase(Locale.ROOT));
  }
}
