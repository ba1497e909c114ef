package dev.backslide.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Items of the instructions scorer: their instructions are read and checked with positions. */
class InstructionItemsTests {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  @Test
  void readsInstructionsWithTypedArgumentsAndTheLooseOption() throws IOException {
    Task task =
        new TaskLoader(dir)
            .load(
                write(
                    "ifs.yaml",
                    """
                    id: ifs
                    version: 1
                    axis: capability
                    category: instruction-following
                    scorer: {type: instructions, loose: true}
                    items:
                      - id: a
                        prompt: "Write about tea without commas in at least 5 words."
                        instructions:
                          - {id: "punctuation:no_comma"}
                          - {id: "length_constraints:number_words", relation: "at least", num_words: 5}
                          - {id: "keywords:existence", keywords: [tea, cup]}
                        target: "Tea in a cup is warm and good."
                    """));
    assertThat(task.scorer().options()).isEqualTo(Map.of("loose", true));
    Item item = task.items().get(0);
    assertThat(item.instructions())
        .containsExactly(
            new Instruction("punctuation:no_comma", Map.of()),
            new Instruction(
                "length_constraints:number_words", Map.of("relation", "at least", "num_words", 5)),
            new Instruction("keywords:existence", Map.of("keywords", List.of("tea", "cup"))));
    assertThat(item.target()).isEqualTo("Tea in a cup is warm and good.");
  }

  @Test
  void badInstructionsAreReportedWhereTheyAreWritten() throws IOException {
    Path file =
        write(
            "bad.yaml",
            """
            id: bad
            version: 1
            axis: capability
            scorer: {type: instructions}
            items:
              - id: a
                prompt: "Write."
                instructions:
                  - {id: "keywords:shout"}
                  - {id: "length_constraints:number_words", relation: "more than", num_words: 5}
                  - {id: "startend:end_checker", phrase: "Bye."}
              - id: b
                prompt: "Write again."
            """);
    Path misplaced =
        write(
            "misplaced.yaml",
            """
            id: misplaced
            version: 1
            axis: capability
            scorer: {type: exact}
            items:
              - {id: a, prompt: "Say hi.", target: "hi", instructions: [{id: "punctuation:no_comma"}]}
            """);
    assertThatThrownBy(() -> new TaskLoader(dir).load(List.of(file, misplaced)))
        .hasMessageStartingWith(
            "6 problems in task files:\n"
                + "  bad.yaml:9:14: unknown instruction id 'keywords:shout'; expected one of"
                + " change_case:capital_word_frequency,")
        .hasMessageEndingWith(
            "  bad.yaml:10:59: 'relation' must be \"less than\" or \"at least\" but is more than\n"
                + "  bad.yaml:11:38: unknown key 'phrase' in instruction startend:end_checker;"
                + " expected one of end_phrase, id\n"
                + "  bad.yaml:11:9: missing 'end_phrase': instruction startend:end_checker needs a"
                + " string\n"
                + "  bad.yaml:12:5: missing 'instructions': the instructions scorer needs what the"
                + " answer must follow\n"
                + "  misplaced.yaml:6:60: 'instructions' is only used by the instructions scorer;"
                + " remove it");
  }
}
