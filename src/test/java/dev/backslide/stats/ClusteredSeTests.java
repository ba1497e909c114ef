package dev.backslide.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Clustered standard errors against STATISTICS.md section 7, vector 11. */
class ClusteredSeTests {
  private static final double[] D = {1, 1, 0, 0, -1, 1, 0, 0, 1};
  private static final List<String> CLUSTERS =
      List.of("g1", "g1", "g1", "g2", "g2", "g3", "g3", "g3", "g3");

  @Test
  void meanAndStandardErrorsMatchVectorEleven() {
    ClusteredSe se = ClusteredSe.of(D, CLUSTERS);
    assertThat(se.n()).isEqualTo(9);
    assertThat(se.clusters()).isEqualTo(3);
    assertThat(se.mean()).isCloseTo(0.3333, within(5e-5));
    assertThat(se.naiveSe()).isCloseTo(0.2357, within(5e-5));
    assertThat(se.clusteredSeUncorrected()).isCloseTo(0.2283, within(5e-5));
    assertThat(se.clusteredSe()).isCloseTo(0.2796, within(5e-5));
    assertThat(se.df()).isEqualTo(2);
  }

  @Test
  void clusterSignFlipMatchesVectorEleven() {
    SignFlip.Result result = ClusteredSe.clusterSignFlip(D, CLUSTERS, 999, 1);
    assertThat(result.p()).isEqualTo(2.0 / 8);
    assertThat(result.method()).isEqualTo(SignFlip.Method.EXACT);
  }

  @Test
  void clusterSignFlipBothWaysIsTheTestOfDAndOfMinusD() {
    double[] minus = new double[D.length];
    for (int i = 0; i < D.length; i++) {
      minus[i] = -D[i];
    }
    SignFlip.BothWays both = ClusteredSe.clusterSignFlipBothWays(D, CLUSTERS, 999, 1);
    assertThat(both.up()).isEqualTo(ClusteredSe.clusterSignFlip(D, CLUSTERS, 999, 1));
    assertThat(both.down()).isEqualTo(ClusteredSe.clusterSignFlip(minus, CLUSTERS, 999, 1));
    // more clusters than exact enumeration takes: Monte-Carlo with the same seed both ways
    java.util.SplittableRandom random = new java.util.SplittableRandom(5);
    double[] d = new double[90];
    java.util.List<String> ids = new java.util.ArrayList<>();
    double[] neg = new double[d.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = random.nextInt(-1, 2);
      neg[i] = -d[i];
      ids.add("g" + i / 3);
    }
    SignFlip.BothWays mc = ClusteredSe.clusterSignFlipBothWays(d, ids, 999, 3);
    assertThat(mc.up().method()).isEqualTo(SignFlip.Method.MONTE_CARLO);
    assertThat(mc.up()).isEqualTo(ClusteredSe.clusterSignFlip(d, ids, 999, 3));
    assertThat(mc.down()).isEqualTo(ClusteredSe.clusterSignFlip(neg, ids, 999, 3));
  }

  @Test
  void designEffectIsTheSquaredRatioOfStandardErrors() {
    ClusteredSe se = ClusteredSe.of(D, CLUSTERS);
    assertThat(se.designEffect()).isCloseTo(Math.pow(0.27962 / 0.23570, 2), within(1e-3));
  }

  @Test
  void boundsUseTheClusteredStandardErrorOnGMinusOneDegreesOfFreedom() {
    ClusteredSe se = ClusteredSe.of(D, CLUSTERS);
    // t(2, 0.95) = 2.919986
    assertThat(se.upperBound(0.05))
        .isCloseTo(se.mean() + 2.919985580355516 * se.clusteredSe(), within(1e-9));
    assertThat(se.oneSidedP()).isBetween(0.1, 0.2);
    assertThat(se.interval(0.90).upper()).isCloseTo(se.upperBound(0.05), within(1e-10));
  }

  @Test
  void singletonClustersGiveTheNaiveStandardErrorUpToTheSmallSampleFactor() {
    double[] d = {0.3, -0.1, 0.5, 0.0, 0.2};
    ClusteredSe se = ClusteredSe.of(d, List.of(1, 2, 3, 4, 5));
    // sqrt(sum (d - mean)^2) / n versus sd / sqrt(n): ratio sqrt((n - 1) / n)
    assertThat(se.clusteredSeUncorrected())
        .isCloseTo(se.naiveSe() * Math.sqrt(4.0 / 5), within(1e-12));
    assertThat(se.clusteredSe()).isCloseTo(se.naiveSe(), within(1e-12));
  }

  @Test
  void oneClusterIsRejected() {
    assertThatThrownBy(() -> ClusteredSe.of(new double[] {1, 0}, List.of("a", "a")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("clustered standard errors need at least 2 clusters but all 2 items share one");
  }

  @Test
  void aMissingClusterIdIsRejected() {
    assertThatThrownBy(() -> ClusteredSe.of(D, CLUSTERS.subList(0, 8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("every difference needs a cluster id but d has 9 values and clusterIds has 8");
  }
}
