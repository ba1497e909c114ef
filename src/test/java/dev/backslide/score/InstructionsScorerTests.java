package dev.backslide.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.backslide.refusal.KeywordRefusalDetector;
import dev.backslide.task.Axis;
import dev.backslide.task.ChatMessage;
import dev.backslide.task.Instruction;
import dev.backslide.task.Item;
import dev.backslide.task.ScorerSpec;
import dev.backslide.task.Task;
import dev.backslide.task.TaskLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class InstructionsScorerTests {
  private static final KeywordRefusalDetector DETECTOR = KeywordRefusalDetector.defaults();

  private static Item item(Instruction... instructions) {
    return new Item(
        "if-1",
        List.of(ChatMessage.user("Write about tea.")),
        null,
        List.of(),
        "instruction-following",
        null,
        null,
        4,
        List.of(instructions));
  }

  @Test
  void aResponseThatFollowsEveryInstructionIsCorrect() {
    Score score =
        new InstructionsScorer(false, DETECTOR)
            .score(
                item(
                    new Instruction("punctuation:no_comma", Map.of()),
                    new Instruction("startend:end_checker", Map.of("end_phrase", "The end."))),
                "Tea is warm and good. The end.");
    assertThat(score.outcome()).isEqualTo(Outcome.CORRECT);
    assertThat(score.reason()).isEqualTo("follows all 2 instructions (strict)");
  }

  @Test
  void theReasonNamesEveryBrokenInstruction() {
    Score score =
        new InstructionsScorer(false, DETECTOR)
            .score(
                item(
                    new Instruction("punctuation:no_comma", Map.of()),
                    new Instruction(
                        "length_constraints:number_words",
                        Map.of("relation", "at least", "num_words", 50))),
                "Tea, warm and good.");
    assertThat(score.outcome()).isEqualTo(Outcome.WRONG);
    assertThat(score.reason())
        .isEqualTo(
            "breaks 2 of 2 instructions (strict): punctuation:no_comma;"
                + " length_constraints:number_words {num_words=50, relation=at least}");
  }

  @Test
  void aRefusalIsRecordedAsRefused() {
    Score score =
        new InstructionsScorer(true, DETECTOR)
            .score(
                item(new Instruction("startend:quotation", Map.of())),
                "I'm sorry, but I can't help with that.");
    assertThat(score.outcome()).isEqualTo(Outcome.REFUSED);
  }

  @Test
  void anItemWithoutInstructionsIsAnErrorThatSaysWhatToAdd() {
    assertThatThrownBy(() -> new InstructionsScorer(false, DETECTOR).score(item(), "text"))
        .hasMessage(
            "item if-1 (line 4) has no instructions; scorer 'instructions' needs them: add"
                + " instructions");
  }

  @Test
  void scorersCreatesTheInstructionsScorerWithItsLooseOption() {
    Scorer scorer =
        Scorers.create(
            new ScorerSpec("instructions", Map.of("loose", true)), Axis.CAPABILITY, DETECTOR);
    assertThat(scorer).isInstanceOf(InstructionsScorer.class);
    assertThat(
            scorer
                .score(item(new Instruction("startend:quotation", Map.of())), "Sure:\n\"x y\"")
                .passed())
        .isTrue();
  }

  /** The example response of every instruction item in the library follows its instructions. */
  @TestFactory
  Stream<DynamicTest> everyLibraryExampleResponseFollowsItsInstructions() {
    Path project = Path.of(System.getProperty("backslide.project.dir", "."));
    List<Task> tasks =
        new TaskLoader(project)
            .loadAll(project.resolve("tasks")).stream()
                .filter(t -> t.scorer().type().equals("instructions"))
                .toList();
    assertThat(tasks).isNotEmpty();
    Scorer strict = new InstructionsScorer(false, DETECTOR);
    return tasks.stream()
        .flatMap(
            t ->
                t.items().stream()
                    .map(
                        i ->
                            dynamicTest(
                                t.id() + "/" + i.id(),
                                t.file().toUri(),
                                () -> {
                                  assertThat(i.target()).as("example response").isNotNull();
                                  Score score = strict.score(i, i.target());
                                  assertThat(score.outcome())
                                      .as(score.reason())
                                      .isEqualTo(Outcome.CORRECT);
                                })));
  }
}
