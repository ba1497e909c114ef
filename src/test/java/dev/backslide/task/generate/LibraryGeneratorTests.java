package dev.backslide.task.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class LibraryGeneratorTests {
  private static final Path TASKS =
      Path.of(System.getProperty("backslide.project.dir", ".")).resolve("tasks");

  @TestFactory
  Stream<DynamicTest> theCommittedFilesRegenerateByteForByte() {
    return LibraryGenerator.generate().stream()
        .map(
            g -> {
              Path file = TASKS.resolve(g.path());
              return dynamicTest(
                  g.path().toString(),
                  file.toUri(),
                  () ->
                      assertThat(Files.readString(file, StandardCharsets.UTF_8))
                          .as(
                              "%s differs from the generator's output; run LibraryGenerator and"
                                  + " commit the result",
                              g.path())
                          .isEqualTo(g.text()));
            });
  }

  @Test
  void generatingTwiceGivesTheSameText() {
    assertThat(LibraryGenerator.generate()).isEqualTo(LibraryGenerator.generate());
  }

  @Test
  void everyCategoryHasItsItemsWithDistinctPrompts() {
    List<GeneratedTask> tasks = LibraryGenerator.tasks();
    Set<String> prompts = new HashSet<>();
    int capability = 0;
    for (GeneratedTask task : tasks) {
      for (GeneratedItem item : task.items()) {
        assertThat(prompts.add(item.prompt())).as(item.id()).isTrue();
        assertThat(item.target()).isNotBlank();
      }
      if (!task.id().equals("gen-instructions")) {
        assertThat(task.items()).hasSize(LibraryGenerator.PER_CATEGORY);
        capability += task.items().size();
      }
    }
    assertThat(tasks).hasSize(9);
    assertThat(capability).isEqualTo(640);
  }

  @Test
  void answersAreComputedCorrectlyForKnownSeeds() {
    GeneratedItem first =
        LibraryGenerator.tasks().stream()
            .filter(t -> t.id().equals("gen-dates"))
            .findFirst()
            .orElseThrow()
            .items()
            .get(0);
    String prompt = first.prompt();
    if (prompt.startsWith("What day of the week was ")) {
      String date = prompt.substring(25, 35);
      assertThat(first.target())
          .isEqualToIgnoringCase(java.time.LocalDate.parse(date).getDayOfWeek().name());
    }
    assertThat(first.id()).isEqualTo("dates-001");
  }
}
