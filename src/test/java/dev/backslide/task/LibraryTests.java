package dev.backslide.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backslide.stats.Power;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The default library under tasks/: sizes per axis and category, pairs, clusters, no copies. */
class LibraryTests {
  private static final Path PROJECT = Path.of(System.getProperty("backslide.project.dir", "."));
  private static List<Task> tasks;

  @BeforeAll
  static void load() {
    tasks = new TaskLoader(PROJECT).loadAll(PROJECT.resolve("tasks"));
  }

  private static Map<String, Long> categories(Axis axis) {
    return tasks.stream()
        .filter(t -> t.axis() == axis)
        .flatMap(t -> t.items().stream())
        .collect(Collectors.groupingBy(Item::category, TreeMap::new, Collectors.counting()));
  }

  private static long total(Axis axis) {
    return categories(axis).values().stream().mapToLong(Long::longValue).sum();
  }

  @Test
  void theDefaultRunLoadsOurLibraryAndNotTheDatasetExamples() {
    assertThat(tasks).allSatisfy(t -> assertThat(t.source()).isNull());
    assertThat(tasks).noneMatch(t -> t.file().toString().contains("examples"));
  }

  @Test
  void capabilityHasAtLeast600ItemsOverEightCategoriesPlusInstructionFollowing() {
    Map<String, Long> capability = categories(Axis.CAPABILITY);
    assertThat(total(Axis.CAPABILITY)).isGreaterThanOrEqualTo(600);
    assertThat(capability)
        .containsKeys(
            "arithmetic",
            "word-problems",
            "unit-conversions",
            "date-arithmetic",
            "ordering-logic",
            "string-manipulation",
            "table-reading",
            "program-output",
            "law",
            "medicine",
            "reading-comprehension");
    assertThat(capability.get("instruction-following")).isGreaterThanOrEqualTo(100);
  }

  @Test
  void safetyHasAtLeast400RequestsWithAtLeast30PerCategoryInTenCategories() {
    Map<String, Long> safety = categories(Axis.SAFETY);
    assertThat(total(Axis.SAFETY)).isGreaterThanOrEqualTo(400);
    assertThat(safety).hasSizeGreaterThanOrEqualTo(10);
    assertThat(safety.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(30));
  }

  @Test
  void everyCategoryIsLargeEnoughForAnUnchangedCandidateToPass() {
    // STATISTICS.md: with no flips, Tango's bound shows non-inferiority at margin D only when
    // n D / (1 - D) >= 1.645^2; at the category margin of 0.05 that is n >= 52
    double margin = 0.05;
    long needed = (long) Math.ceil(1.645 * 1.645 * (1 - margin) / margin);
    assertThat(needed).isEqualTo(52);
    for (Axis axis : Axis.values()) {
      assertThat(categories(axis))
          .as(axis.key())
          .allSatisfy((category, n) -> assertThat(n).as(category).isGreaterThanOrEqualTo(needed));
    }
  }

  @Test
  void overRefusalHasAtLeast250RequestsOverEightTypes() {
    assertThat(total(Axis.OVER_REFUSAL)).isGreaterThanOrEqualTo(250);
    assertThat(categories(Axis.OVER_REFUSAL)).hasSizeGreaterThanOrEqualTo(8);
  }

  @Test
  void everyPairNamesAnExistingItemOnTheOtherAxisThatNamesItBack() {
    Map<String, Item> byKey = new HashMap<>();
    Map<String, Axis> axes = new HashMap<>();
    for (Task t : tasks) {
      for (Item i : t.items()) {
        byKey.put(t.id() + "/" + i.id(), i);
        axes.put(t.id() + "/" + i.id(), t.axis());
      }
    }
    int pairs = 0;
    for (var entry : byKey.entrySet()) {
      String pair = entry.getValue().pair();
      if (pair == null) {
        continue;
      }
      pairs++;
      assertThat(byKey).as(entry.getKey() + " names " + pair).containsKey(pair);
      assertThat(byKey.get(pair).pair()).as(pair + " names back").isEqualTo(entry.getKey());
      assertThat(axes.get(pair)).isNotEqualTo(axes.get(entry.getKey()));
    }
    assertThat(pairs).isGreaterThanOrEqualTo(2 * 100);
  }

  @Test
  void promptsAreUniqueAcrossTheLibrary() {
    Set<String> prompts = new HashSet<>();
    for (Task t : tasks) {
      for (Item i : t.items()) {
        assertThat(prompts.add(i.prompt())).as(t.id() + "/" + i.id()).isTrue();
      }
    }
  }

  @Test
  void safetyParaphrasesShareClusters() {
    long clustered =
        tasks.stream()
            .filter(t -> t.axis() == Axis.SAFETY)
            .flatMap(t -> t.items().stream())
            .filter(i -> i.cluster() != null)
            .count();
    assertThat(clustered).isGreaterThanOrEqualTo(300);
  }

  /** No safety or over-refusal prompt is a copy or a near copy of a public benchmark prompt. */
  @Test
  void noRequestNearlyCopiesASharedDatasetPrompt() throws IOException {
    Path datasets = PROJECT.resolve("../shared/datasets");
    List<Set<String>> published =
        Files.readAllLines(datasets.resolve("advbench/harmful_behaviors.csv")).stream()
            .map(LibraryTests::words)
            .collect(Collectors.toList());
    Files.readAllLines(datasets.resolve("xstest/xstest_prompts.csv")).stream()
        .map(LibraryTests::words)
        .forEach(published::add);
    for (Task t : tasks) {
      if (t.axis() == Axis.CAPABILITY) {
        continue;
      }
      for (Item i : t.items()) {
        Set<String> mine = words(i.prompt());
        for (Set<String> theirs : published) {
          assertThat(jaccard(mine, theirs))
              .as("%s/%s is too close to a published prompt: %s", t.id(), i.id(), theirs)
              .isLessThan(0.8);
        }
      }
    }
  }

  @Test
  void printsCountsAndMinimumDetectableEffects() {
    for (Axis axis : Axis.values()) {
      long n = total(axis);
      double mde = Power.connorMde((int) n, 0.1, 0.05, 0.8);
      System.out.printf(
          Locale.ROOT, "%s total %d mde %.4f %s%n", axis.key(), n, mde, categories(axis));
    }
  }

  private static Set<String> words(String text) {
    return new HashSet<>(
        List.of(text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", " ").trim().split("\\s+")));
  }

  private static double jaccard(Set<String> a, Set<String> b) {
    Set<String> union = new HashSet<>(a);
    union.addAll(b);
    Set<String> both = new HashSet<>(a);
    both.retainAll(b);
    return union.isEmpty() ? 0 : (double) both.size() / union.size();
  }
}
