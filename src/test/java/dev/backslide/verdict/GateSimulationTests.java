package dev.backslide.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backslide.compare.Cell;
import dev.backslide.compare.CellKey;
import dev.backslide.compare.CellStatisticsCalculator;
import dev.backslide.compare.EndpointErrors;
import dev.backslide.compare.Pair;
import dev.backslide.compare.Pairs;
import dev.backslide.compare.RegressionTest;
import dev.backslide.endpoint.Role;
import dev.backslide.task.Axis;
import dev.backslide.task.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Fixed-seed simulations of the whole decision path (cells, tests, Holm, verdicts): false alarms
 * under no change stay at alpha, power matches the sample-size table, and early stopping keeps its
 * error rate while deciding a refusal collapse early. Monte-Carlo error is about 0.007 at 1000
 * runs, so limits are alpha + 0.02.
 */
class GateSimulationTests {
  private static final double ALPHA = 0.05;
  private static final double LIMIT = ALPHA + 0.02;
  private final Task task = Pairs.task("sim", Axis.CAPABILITY);
  private final Task harmful = Pairs.task("sim-harmful", Axis.SAFETY);

  private boolean regressionFound(List<Pair> pairs) {
    var verdict =
        new Decider(Policy.defaults(), 1L)
            .decide(
                dev.backslide.compare.Cells.of(pairs),
                List.of(
                    EndpointErrors.of(Role.REFERENCE, pairs),
                    EndpointErrors.of(Role.CANDIDATE, pairs)));
    return verdict.cells().stream().anyMatch(c -> c.pHolm() <= ALPHA);
  }

  /** Items with heterogeneous difficulty; both endpoints draw k samples from the same p_i. */
  private List<Pair> noChange(SplittableRandom r, int n, int k, String category, int clusterSize) {
    List<Pair> pairs = new ArrayList<>();
    double clusterP = 0;
    for (int i = 0; i < n; i++) {
      if (clusterSize <= 1 || i % clusterSize == 0) {
        clusterP = r.nextDouble() < 0.5 ? 0.95 : r.nextDouble();
      }
      double p = clusterSize > 1 ? clusterP : (r.nextDouble() < 0.5 ? 0.95 : r.nextDouble());
      double[] a = new double[k];
      double[] b = new double[k];
      for (int j = 0; j < k; j++) {
        a[j] = r.nextDouble() < p ? 1 : 0;
        b[j] = r.nextDouble() < p ? 1 : 0;
      }
      String cluster = clusterSize > 1 ? "c" + (i / clusterSize) : null;
      pairs.add(
          new Pair(
              task,
              Pairs.item(category + i, category, cluster),
              Pairs.result(Role.REFERENCE, a),
              Pairs.result(Role.CANDIDATE, b)));
    }
    return pairs;
  }

  private double falseAlarmRate(
      int runs, int n, int k, int categories, int clusterSize, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int alarms = 0;
    for (int run = 0; run < runs; run++) {
      List<Pair> pairs = new ArrayList<>();
      for (int c = 0; c < categories; c++) {
        pairs.addAll(noChange(r, n, k, "cat" + c, clusterSize));
      }
      if (regressionFound(pairs)) {
        alarms++;
      }
    }
    return (double) alarms / runs;
  }

  @Test
  void noChangeOnBinaryItemsRaisesFalseAlarmsAtMostAlpha() {
    double rate = falseAlarmRate(1000, 200, 1, 1, 1, 11);
    System.out.println("false-alarm rate, binary k=1, one category (2 cells): " + rate);
    assertThat(rate).isLessThanOrEqualTo(LIMIT);
  }

  @Test
  void noChangeOnAveragedSamplesRaisesFalseAlarmsAtMostAlpha() {
    double rate = falseAlarmRate(600, 200, 5, 1, 1, 12);
    System.out.println("false-alarm rate, k=5 averaged, heterogeneous items: " + rate);
    assertThat(rate).isLessThanOrEqualTo(LIMIT);
  }

  @Test
  void noChangeOnClusteredItemsRaisesFalseAlarmsAtMostAlpha() {
    double rate = falseAlarmRate(600, 240, 1, 1, 4, 13);
    System.out.println("false-alarm rate, clustered items (60 clusters of 4): " + rate);
    assertThat(rate).isLessThanOrEqualTo(LIMIT);
  }

  @Test
  void noChangeOverATenCategoryHolmFamilyRaisesFalseAlarmsAtMostAlpha() {
    double rate = falseAlarmRate(300, 60, 1, 10, 1, 14);
    System.out.println("false-alarm rate, 11-cell Holm family: " + rate);
    assertThat(rate).isLessThanOrEqualTo(LIMIT + 0.01);
  }

  @Test
  void treatingClusteredItemsAsIndependentWouldExceedAlpha() {
    // the wrong variant, so that the clustered test above can fail: same data, clusters dropped
    SplittableRandom r = new SplittableRandom(15);
    CellStatisticsCalculator calculator =
        new CellStatisticsCalculator(RegressionTest.EXACT, ALPHA, 1L);
    int alarms = 0;
    int runs = 600;
    for (int run = 0; run < runs; run++) {
      List<Pair> clustered = new ArrayList<>();
      // strongly clustered flips: a whole cluster of 8 flips together
      for (int g = 0; g < 30; g++) {
        boolean flip = r.nextDouble() < 0.2;
        boolean towardsA = r.nextBoolean();
        for (int j = 0; j < 8; j++) {
          double a = flip ? (towardsA ? 1 : 0) : 1;
          double b = flip ? (towardsA ? 0 : 1) : 1;
          clustered.add(
              new Pair(
                  task,
                  Pairs.item("i" + g + "-" + j, "x", null),
                  Pairs.result(Role.REFERENCE, a),
                  Pairs.result(Role.CANDIDATE, b)));
        }
      }
      var s = calculator.compute(new Cell(CellKey.total(Axis.CAPABILITY), clustered)).orElseThrow();
      if (s.pRegression() <= ALPHA) {
        alarms++;
      }
    }
    double rate = (double) alarms / runs;
    System.out.println(
        "false-alarm rate of McNemar on clustered flips taken as independent: " + rate);
    assertThat(rate).isGreaterThan(LIMIT);
  }

  @Test
  void powerAtTheTablesSampleSizeIsAboutEightyPercent() {
    // accuracy -5 points with psi = 0.10: exact McNemar n = 268 (STATISTICS.md section 4)
    SplittableRandom r = new SplittableRandom(16);
    CellStatisticsCalculator calculator =
        new CellStatisticsCalculator(RegressionTest.EXACT, ALPHA, 1L);
    int hits = 0;
    int runs = 1000;
    for (int run = 0; run < runs; run++) {
      int b = 0;
      int c = 0;
      for (int i = 0; i < 268; i++) {
        double u = r.nextDouble();
        if (u < 0.075) {
          b++;
        } else if (u < 0.10) {
          c++;
        }
      }
      List<Pair> pairs = Pairs.binary(task, "x", 268 - b - c, b, c, 0);
      var s = calculator.compute(new Cell(CellKey.total(Axis.CAPABILITY), pairs)).orElseThrow();
      if (s.pRegression() <= ALPHA) {
        hits++;
      }
    }
    double power = (double) hits / runs;
    System.out.println("power, -5 points at psi 0.10, n = 268: " + power);
    assertThat(power).isBetween(0.75, 0.86);
  }

  @Test
  void groupSequentialLooksKeepTheFalseAlarmRateAndStopACollapseEarly() {
    GroupSequentialRule rule = new GroupSequentialRule(Policy.defaults(), "obf", 3, 1);
    SplittableRandom r = new SplittableRandom(17);
    int n = 300;
    int runs = 1000;
    int falseStops = 0;
    for (int run = 0; run < runs; run++) {
      List<Pair> pairs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        double u = r.nextDouble();
        double a = u < 0.05 ? 0 : 1;
        double b = u >= 0.05 && u < 0.10 ? 0 : 1;
        pairs.add(
            new Pair(
                harmful,
                Pairs.item("h" + i, "x", null),
                Pairs.result(Role.REFERENCE, a),
                Pairs.result(Role.CANDIDATE, b)));
      }
      for (int look = 1; look < 3; look++) {
        int asked = n * look / 3;
        if (rule.check(pairs.subList(0, asked), Map.of(Axis.SAFETY, n - asked), look, 3, n)
            .isPresent()) {
          falseStops++;
          break;
        }
      }
    }
    double rate = (double) falseStops / runs;
    System.out.println(
        "group-sequential false-stop rate under no change (alpha/3 per axis): " + rate);
    assertThat(rate).isLessThanOrEqualTo(ALPHA / 3 + 0.015);

    int used = 0;
    int collapses = 200;
    GroupSequentialRule five = new GroupSequentialRule(Policy.defaults(), "obf", 5, 1);
    for (int run = 0; run < collapses; run++) {
      List<Pair> pairs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        double a = r.nextDouble() < 0.99 ? 1 : 0;
        double b = r.nextDouble() < 0.02 ? 1 : 0;
        pairs.add(
            new Pair(
                harmful,
                Pairs.item("h" + i, "x", null),
                Pairs.result(Role.REFERENCE, a),
                Pairs.result(Role.CANDIDATE, b)));
      }
      int stoppedAt = n;
      for (int look = 1; look < 5; look++) {
        int asked = n * look / 5;
        if (five.check(pairs.subList(0, asked), Map.of(Axis.SAFETY, n - asked), look, 5, n)
            .isPresent()) {
          stoppedAt = asked;
          break;
        }
      }
      used += stoppedAt;
    }
    double average = (double) used / collapses;
    System.out.println(
        "average items asked before a 99% -> 2% refusal collapse is decided (K = 5, n = 300): "
            + average);
    assertThat(average).isEqualTo(60.0);
  }
}
