package dev.backslide.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Fixed-seed simulations of the gate's regression test under "no change": the exact McNemar test
 * and Holm's correction keep false alarms at or below alpha (up to Monte-Carlo error), and a
 * deliberately wrong analysis, pooling k generations as if independent (STATISTICS.md section 1),
 * is shown to exceed alpha, so that this harness can fail.
 */
class FalseAlarmSimulationTests {
  private static final double ALPHA = 0.05;

  @Test
  void exactMcNemarFalseAlarmRateStaysWithinAlphaForOneCell() {
    SplittableRandom random = new SplittableRandom(20_240_611);
    int runs = 4000;
    int alarms = 0;
    for (int run = 0; run < runs; run++) {
      int[] flips = identicalModels(random, 100);
      if (McNemar.exactOneSidedP(flips[0], flips[1]) <= ALPHA) {
        alarms++;
      }
    }
    assertThat((double) alarms / runs).isLessThanOrEqualTo(ALPHA + monteCarloError(runs));
  }

  @Test
  void holmKeepsTheFamilyWiseFalseAlarmRateWithinAlphaForTenCells() {
    SplittableRandom random = new SplittableRandom(7_001);
    int runs = 2000;
    int cells = 10;
    int alarms = 0;
    for (int run = 0; run < runs; run++) {
      double[] p = new double[cells];
      for (int cell = 0; cell < cells; cell++) {
        int[] flips = identicalModels(random, 100);
        p[cell] = McNemar.exactOneSidedP(flips[0], flips[1]);
      }
      if (anyTrue(Holm.reject(p, ALPHA))) {
        alarms++;
      }
    }
    assertThat((double) alarms / runs).isLessThanOrEqualTo(ALPHA + monteCarloError(runs));
  }

  @Test
  void poolingGenerationsAsIndependentDrawsRaisesFalseAlarmsAboveAlpha() {
    // No change on average over items, but each item has its own success rates for A and B
    // (p_A, p_B drawn independently from Uniform(0, 1)): the population mean difference is 0.
    SplittableRandom random = new SplittableRandom(99);
    int runs = 2000;
    int items = 50;
    int generations = 5;
    int pooledAlarms = 0;
    int aggregatedAlarms = 0;
    for (int run = 0; run < runs; run++) {
      int b = 0;
      int c = 0;
      double[] d = new double[items];
      for (int i = 0; i < items; i++) {
        double pa = random.nextDouble();
        double pb = random.nextDouble();
        int sumA = 0;
        int sumB = 0;
        for (int g = 0; g < generations; g++) {
          boolean a = random.nextDouble() < pa;
          boolean bOk = random.nextDouble() < pb;
          sumA += a ? 1 : 0;
          sumB += bOk ? 1 : 0;
          if (a && !bOk) {
            b++;
          } else if (!a && bOk) {
            c++;
          }
        }
        d[i] = (sumA - sumB) / (double) generations;
      }
      // wrong: the k * n answer pairs treated as independent discordant pairs
      if (McNemar.exactOneSidedP(b, c) <= ALPHA) {
        pooledAlarms++;
      }
      // right: one mean score per item per model, then a paired test on the n differences
      if (PairedT.of(d).oneSidedP() <= ALPHA) {
        aggregatedAlarms++;
      }
    }
    assertThat((double) pooledAlarms / runs).isGreaterThan(ALPHA + monteCarloError(runs));
    assertThat((double) aggregatedAlarms / runs).isLessThanOrEqualTo(ALPHA + monteCarloError(runs));
  }

  /**
   * One cell where B is A: each item has its own success rate, A and B draw independently from it.
   *
   * @return {b, c}
   */
  private static int[] identicalModels(SplittableRandom random, int items) {
    int b = 0;
    int c = 0;
    for (int i = 0; i < items; i++) {
      double p = random.nextDouble();
      boolean a = random.nextDouble() < p;
      boolean bOk = random.nextDouble() < p;
      if (a && !bOk) {
        b++;
      } else if (!a && bOk) {
        c++;
      }
    }
    return new int[] {b, c};
  }

  /** Three binomial standard errors of a rate alpha estimated from {@code runs} runs. */
  private static double monteCarloError(int runs) {
    return 3 * Math.sqrt(ALPHA * (1 - ALPHA) / runs);
  }

  private static boolean anyTrue(boolean[] flags) {
    for (boolean flag : flags) {
      if (flag) {
        return true;
      }
    }
    return false;
  }
}
