package dev.backslide.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The answer key of {@code tasks/capability/strings-library.yaml}, computed again from each prompt:
 * a wrong target would fail the candidate and the reference alike and go unseen, since the scripted
 * test models answer with the target. Every prompt must match one of the known forms, so a new item
 * of a new form must bring its rule here.
 */
class StringsLibraryTests {
  private static final Path PROJECT = Path.of(System.getProperty("backslide.project.dir", "."));
  private static final Map<String, Integer> NUMBERS =
      Map.of("one", 1, "two", 2, "three", 3, "four", 4, "five", 5, "six", 6);
  private static final List<String> ORDINALS =
      List.of("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth");
  private static final String VOWELS = "aeiou";

  /** A form of prompt and how its answer follows from it. */
  private record Rule(Pattern form, Function<Matcher, String> answer) {
    static Rule of(String regex, Function<Matcher, String> answer) {
      return new Rule(Pattern.compile(regex + " Reply with the result only\\."), answer);
    }
  }

  private static final List<Rule> RULES =
      List.of(
          Rule.of(
              "Reverse the letters of '(\\w+)'\\.",
              m -> new StringBuilder(m.group(1)).reverse().toString()),
          Rule.of(
              "Count how many times the letter '(\\w)' appears in '(\\w+)'\\.",
              m ->
                  Long.toString(m.group(2).chars().filter(c -> c == m.group(1).charAt(0)).count())),
          Rule.of(
              "Put the letters of the word '(\\w+)' in alphabetical order\\.",
              m -> {
                char[] letters = m.group(1).toCharArray();
                Arrays.sort(letters);
                return new String(letters);
              }),
          Rule.of(
              "Write the (first|last) (\\w+) letters of the word '(\\w+)'\\.",
              m -> {
                int n = NUMBERS.get(m.group(2));
                String word = m.group(3);
                return m.group(1).equals("first")
                    ? word.substring(0, n)
                    : word.substring(word.length() - n);
              }),
          Rule.of(
              "Write the first letter of each word in '([a-z ]+)', joined together\\.",
              m ->
                  Arrays.stream(m.group(1).split(" "))
                      .map(w -> w.substring(0, 1))
                      .collect(Collectors.joining())),
          Rule.of(
              "Write the words of '([a-z ]+)' in reverse order, separated by single spaces\\.",
              m -> {
                List<String> words = new ArrayList<>(Arrays.asList(m.group(1).split(" ")));
                Collections.reverse(words);
                return String.join(" ", words);
              }),
          Rule.of(
              "Remove every vowel from the word '(\\w+)'\\.",
              m -> m.group(1).replaceAll("[" + VOWELS + "]", "")),
          Rule.of(
              "Count the vowels in the word '(\\w+)'\\.",
              m -> Long.toString(m.group(1).chars().filter(c -> VOWELS.indexOf(c) >= 0).count())),
          Rule.of(
              "Count the letters in the word '(\\w+)'\\.",
              m -> Integer.toString(m.group(1).length())),
          Rule.of(
              "Join the words ('\\w+'(?:, '\\w+')*(?: and '\\w+')?) into one string, with a hyphen"
                  + " between neighbouring words\\.",
              m ->
                  Pattern.compile("'(\\w+)'")
                      .matcher(m.group(1))
                      .results()
                      .map(r -> r.group(1))
                      .collect(Collectors.joining("-"))),
          Rule.of(
              "Replace every letter '(\\w)' with the letter '(\\w)' in the word '(\\w+)'\\.",
              m -> m.group(3).replace(m.group(1), m.group(2))),
          Rule.of(
              "Write the (\\w+) letter of the word '(\\w+)'\\.",
              m -> {
                int index = ORDINALS.indexOf(m.group(1));
                return index < 0 ? "?" + m.group(1) : m.group(2).substring(index, index + 1);
              }));

  @Test
  void everyTargetIsWhatItsPromptAsksFor() {
    Task task =
        new TaskLoader(PROJECT)
            .loadAll(PROJECT.resolve("tasks")).stream()
                .filter(t -> t.id().equals("strings-library"))
                .findFirst()
                .orElseThrow();
    assertThat(task.items()).hasSizeGreaterThanOrEqualTo(40);
    for (Item item : task.items()) {
      String prompt = item.messages().get(item.messages().size() - 1).content();
      List<String> answers = new ArrayList<>();
      for (Rule rule : RULES) {
        Matcher m = rule.form().matcher(prompt);
        if (m.matches()) {
          answers.add(rule.answer().apply(m));
        }
      }
      assertThat(answers)
          .as("%s (line %d): one known form of prompt: %s", item.id(), item.line(), prompt)
          .hasSize(1);
      assertThat(item.target())
          .as("%s (line %d): %s", item.id(), item.line(), prompt)
          .isEqualTo(answers.get(0));
    }
  }
}
