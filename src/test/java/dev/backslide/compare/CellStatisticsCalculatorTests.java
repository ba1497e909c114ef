package dev.backslide.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backslide.endpoint.Role;
import dev.backslide.stats.McNemar;
import dev.backslide.stats.Tango;
import dev.backslide.task.Axis;
import dev.backslide.task.Task;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellStatisticsCalculatorTests {
  private final Task task = Pairs.task("t", Axis.CAPABILITY);
  private final CellStatisticsCalculator calculator =
      new CellStatisticsCalculator(RegressionTest.EXACT, 0.05, 7L);

  private CellStatistics compute(List<Pair> pairs) {
    return calculator.compute(new Cell(CellKey.total(Axis.CAPABILITY), pairs)).orElseThrow();
  }

  @Test
  void binaryIndependentItemsUseExactMcNemarAndTango() {
    CellStatistics s = compute(Pairs.binary(task, "x", 1, 1, 7, 12));
    assertThat(s.test()).isEqualTo("exact McNemar; Tango bound");
    assertThat(s.pRegression()).isEqualTo(McNemar.exactOneSidedP(1, 7));
    assertThat(s.upperBound()).isEqualTo(Tango.upperBound(1, 7, 21, 0.05));
    assertThat(s.delta()).isCloseTo(-6.0 / 21, within(1e-12));
    assertThat(s.clusters()).isZero();
  }

  @Test
  void averagedSamplesUseTheSignFlipTestWithItsSeedAndNeverABoundBelowTango() {
    List<Pair> pairs = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      double ref = i % 3 == 0 ? 0.6 : 1.0;
      pairs.add(
          new Pair(
              task,
              Pairs.item("i" + i, "x", null),
              Pairs.result(
                  Role.REFERENCE,
                  ref == 1.0 ? new double[] {1, 1, 1, 1, 1} : new double[] {1, 1, 1, 0, 0}),
              Pairs.result(Role.CANDIDATE, 1, 1, 1, 1, 1)));
    }
    CellStatistics s = compute(pairs);
    assertThat(s.samples()).isEqualTo(5);
    assertThat(s.test()).startsWith("Monte-Carlo sign-flip (20000 resamples)");
    assertThat(s.seed()).isEqualTo(7L);
    assertThat(s.pImprovement()).isLessThan(0.01);
    assertThat(s.upperBound()).isGreaterThanOrEqualTo(Tango.upperBound(0.0, 4.0, 30.0, 0.05));
  }

  @Test
  void identicalAveragedScoresOnFewItemsAreNotDeclaredNonInferior() {
    List<Pair> pairs = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      pairs.add(
          new Pair(
              task,
              Pairs.item("i" + i, "x", null),
              Pairs.result(Role.REFERENCE, 1, 0.5 > i % 2 ? 1 : 0),
              Pairs.result(Role.CANDIDATE, 1, 0.5 > i % 2 ? 1 : 0)));
    }
    CellStatistics s = compute(pairs);
    assertThat(s.delta()).isZero();
    // the spec's SE = 0 guard alone would give U = 0; the Tango floor keeps 12 items inconclusive
    assertThat(s.upperBound())
        .isEqualTo(Tango.upperBound(0.0, 0.0, 12.0, 0.05))
        .isGreaterThan(0.05);
  }

  @Test
  void clusteredItemsAreTestedAtTheClusterLevel() {
    List<Pair> pairs = new ArrayList<>();
    int[][] d = {{1, 1, 0}, {0, -1}, {1, 0, 0, 1}};
    int i = 0;
    for (int g = 0; g < d.length; g++) {
      for (int v : d[g]) {
        pairs.add(
            new Pair(
                task,
                Pairs.item("i" + i++, "x", "g" + g),
                Pairs.result(Role.REFERENCE, v == 1 ? 1 : v == 0 ? 1 : 0),
                Pairs.result(Role.CANDIDATE, v == 1 ? 0 : 1)));
      }
    }
    CellStatistics s = compute(pairs);
    assertThat(s.clusters()).isEqualTo(3);
    assertThat(s.test()).isEqualTo("exact cluster sign-flip; clustered t bound");
    // STATISTICS.md vector 11: cluster-sum sign-flip p = 2/8
    assertThat(s.pRegression()).isEqualTo(0.25);
    assertThat(s.why()).startsWith("3 clusters of items that are not independent");
  }
}
