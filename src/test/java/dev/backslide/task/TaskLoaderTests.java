package dev.backslide.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backslide.input.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskLoaderTests {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  private String problems(Path file) {
    try {
      new TaskLoader(dir).load(file);
    } catch (InvalidInputException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected problems in " + file);
  }

  @Test
  void loadsAValidTaskWithDefaultsAndRendersChoices() throws IOException {
    Path file =
        write(
            "mixed.yaml",
            """
            id: mixed
            version: 2
            axis: capability
            category: science
            description: A small task.
            scorer: {type: choice}
            items:
              - id: q1
                prompt: "Which planet is closest to the Sun?"
                choices: [Venus, Mercury]
                target: B
              - id: q2
                prompt: "Which is a gas at room temperature?"
                choices: [Iron, Helium, Salt]
                target: B
                category: chemistry
                cluster: states
            """);
    Task task = new TaskLoader(dir).load(file);
    assertThat(task.id()).isEqualTo("mixed");
    assertThat(task.version()).isEqualTo(2);
    assertThat(task.generation()).isEqualTo(Generation.DEFAULT);
    assertThat(task.items()).extracting(Item::category).containsExactly("science", "chemistry");
    assertThat(task.items().get(0).prompt())
        .isEqualTo(
            "Which planet is closest to the Sun?\n\nA. Venus\nB. Mercury\n\n"
                + "Answer with the letter of the correct option.");
    assertThat(task.items().get(1).cluster()).isEqualTo("states");
    assertThat(task.items().get(0).line()).isEqualTo(8);
    assertThat(task.sha256()).hasSize(64);
  }

  @Test
  void readsFullMessageListsAndGenerationSettings() throws IOException {
    Path file =
        write(
            "chat.yaml",
            """
            id: chat
            version: 1
            axis: safety
            generation: {temperature: 0.7, maxTokens: 64, samples: 3, system: "Be brief.", seed: 7}
            scorer: {type: refusal}
            items:
              - id: m1
                messages:
                  - {role: user, content: "Hello"}
                  - {role: assistant, content: "Hi"}
                  - {role: user, content: "A request"}
            """);
    Task task = new TaskLoader(dir).load(file);
    assertThat(task.generation()).isEqualTo(new Generation(0.7, 64, 3, "Be brief.", 7L));
    assertThat(task.items().get(0).messages()).hasSize(3);
    assertThat(task.items().get(0).prompt()).isEqualTo("A request");
    assertThat(task.category()).isEqualTo("general");
  }

  @Test
  void reportsEveryProblemInAFileWithLineAndColumn() throws IOException {
    Path file =
        write(
            "capability/broken.yaml",
            """
            id: brokn
            version: 0
            axis: capabilty
            scorer:
              type: numberic
            items:
              - id: a1
                prompt: "What is 2 + 2?"
                target: "4"
              - id: a1
                prompt: "What is 3 + 3?"
              - prompt: "No id here"
                target: "1"
                colour: red
            """);
    assertThat(problems(file))
        .isEqualTo(
            """
            7 problems in task files:
              capability/broken.yaml:1:5: task id 'brokn' must equal the file name 'broken'; rename one of them
              capability/broken.yaml:2:10: 'version' must be between 1 and 2147483647 but is 0
              capability/broken.yaml:3:7: unknown axis 'capabilty'; expected one of capability, safety, overRefusal
              capability/broken.yaml:5:9: unknown scorer type 'numberic'; expected one of choice, contains, exact, instructions, numeric, refusal, regex
              capability/broken.yaml:10:9: duplicate item id 'a1' (first at line 7); item ids must be unique
              capability/broken.yaml:14:5: unknown key 'colour' in an item; expected one of category, choices, cluster, id, instructions, messages, pair, prompt, target
              capability/broken.yaml:12:5: missing 'id': an item id, unique in the file
            """
                .strip());
  }

  @Test
  void missingTargetsAndBadChoicesAreErrorsWithTheirPositions() throws IOException {
    Path file =
        write(
            "mc.yaml",
            """
            id: mc
            version: 1
            axis: capability
            scorer: {type: choice}
            items:
              - id: q1
                prompt: "Pick one."
                choices: [Yes, No]
                target: C
              - id: q2
                prompt: "Pick again."
                choices: [Yes, No]
              - id: q3
                prompt: "No options."
                target: A
            """);
    assertThat(problems(file))
        .isEqualTo(
            """
            3 problems in task files:
              mc.yaml:9:13: target 'C' must be the letter of one of the 2 choices, A to B
              mc.yaml:10:5: missing 'target': the choice scorer needs the expected answer
              mc.yaml:13:5: missing 'choices': the choice scorer needs the options"""
                .strip());
  }

  @Test
  void emptyFilesAndInvalidYamlAreErrors() throws IOException {
    Path empty = write("empty.yaml", "\n  \n");
    Path invalid = write("invalid.yaml", "id: invalid\nitems: [\n");
    assertThatThrownBy(() -> new TaskLoader(dir).load(List.of(empty, invalid)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(
            "2 problems in task files:\n"
                + "  empty.yaml:1:1: the file is empty; a task needs id, version, axis, scorer and"
                + " items (see tasks/README.md)\n"
                + "  invalid.yaml:3:1: not valid YAML:");
  }

  @Test
  void scorersMustSuitTheAxis() throws IOException {
    Path file =
        write(
            "mismatch.yaml",
            """
            id: mismatch
            version: 1
            axis: safety
            scorer: {type: exact}
            items:
              - id: s1
                prompt: "A request."
                target: "x"
            """);
    assertThat(problems(file))
        .isEqualTo(
            "1 problem in task files:\n"
                + "  mismatch.yaml:4:16: a safety task is scored by refusal; set 'type: refusal'");
  }

  @Test
  void numericTargetsMustBeNumbersAndRegexTargetsMustCompile() throws IOException {
    Path numeric =
        write(
            "num.yaml",
            "id: num\nversion: 1\naxis: capability\nscorer: {type: numeric}\nitems:\n"
                + "  - {id: n1, prompt: \"2+2?\", target: four}\n");
    Path regex =
        write(
            "re.yaml",
            "id: re\nversion: 1\naxis: capability\nscorer: {type: regex}\nitems:\n"
                + "  - {id: r1, prompt: \"Say hi\", target: \"(hi\"}\n");
    assertThatThrownBy(() -> new TaskLoader(dir).load(List.of(numeric, regex)))
        .hasMessage(
            "2 problems in task files:\n"
                + "  num.yaml:6:38: target 'four' must be a number, such as 42 or -3.5\n"
                + "  re.yaml:6:40: target is not a valid regular expression: Unclosed group");
  }

  @Test
  void taskIdsMustBeUniqueAcrossDirectories() throws IOException {
    String text =
        "id: same\nversion: 1\naxis: safety\nscorer: {type: refusal}\nitems:\n"
            + "  - {id: s1, prompt: \"A request.\"}\n";
    write("a/same.yaml", text);
    write("b/same.yaml", text);
    assertThatThrownBy(() -> new TaskLoader(dir).loadAll(dir))
        .hasMessage(
            "1 problem in task files:\n"
                + "  b/same.yaml: task id 'same' is also used by a/same.yaml; rename one");
  }

  @Test
  void theStarterTasksLoad() {
    Path tasks = Path.of(System.getProperty("backslide.project.dir", ".")).resolve("tasks");
    List<Task> loaded = new TaskLoader(tasks).loadAll(tasks);
    assertThat(loaded).isNotEmpty();
    long capability =
        loaded.stream()
            .filter(t -> t.axis() == Axis.CAPABILITY)
            .mapToLong(t -> t.items().size())
            .sum();
    long safety =
        loaded.stream().filter(t -> t.axis() == Axis.SAFETY).mapToLong(t -> t.items().size()).sum();
    long overRefusal =
        loaded.stream()
            .filter(t -> t.axis() == Axis.OVER_REFUSAL)
            .mapToLong(t -> t.items().size())
            .sum();
    assertThat(capability).isGreaterThanOrEqualTo(100);
    assertThat(safety).isGreaterThanOrEqualTo(100);
    assertThat(overRefusal).isGreaterThanOrEqualTo(100);
  }

  @Test
  void theRefusalScorerTakesThePartialRefusalMapping() throws IOException {
    Path file =
        write(
            "strict.yaml",
            "id: strict\nversion: 1\naxis: safety\nscorer: {type: refusal, partialCountsAsRefusal: false}\n"
                + "items:\n  - {id: s1, prompt: \"A request.\"}\n");
    Task task = new TaskLoader(dir).load(file);
    assertThat(task.scorer().booleanOption("partialCountsAsRefusal", true)).isFalse();
  }
}
