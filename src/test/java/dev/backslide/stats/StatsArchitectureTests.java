package dev.backslide.stats;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.apache.commons.math3.stat.inference.BinomialTest;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.apache.commons.math3.stat.inference.TTest;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;
import org.apache.commons.math3.stat.interval.AgrestiCoullInterval;
import org.apache.commons.math3.stat.interval.ClopperPearsonInterval;
import org.junit.jupiter.api.Test;

/** Layer rules of the statistics package: pure, and free of the trapped Commons Math classes. */
class StatsArchitectureTests {
  // Imported from the compiled main classes' directory, without resolving Commons Math from the
  // class path (the rules only need the names of the classes depended on): a full scan takes
  // seconds. The configuration change is scoped to this import.
  private static final JavaClasses STATS =
      ArchConfiguration.withThreadLocalScope(
          config -> {
            config.setResolveMissingDependenciesFromClassPath(false);
            return new ClassFileImporter().importPath(mainClasses());
          });

  @Test
  void statsDependsOnlyOnTheJdkCommonsMathAndJspecify() {
    classes()
        .that()
        .resideInAPackage("dev.backslide.stats..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..", "org.apache.commons.math3..", "org.jspecify..", "dev.backslide.stats..")
        .check(STATS);
  }

  @Test
  void statsAvoidsTheCommonsMathClassesOfSectionEight() {
    noClasses()
        .that()
        .resideInAPackage("dev.backslide.stats..")
        .should()
        .dependOnClassesThat()
        .belongToAnyOf(
            BinomialTest.class,
            ClopperPearsonInterval.class,
            WilcoxonSignedRankTest.class,
            TTest.class,
            AgrestiCoullInterval.class,
            MannWhitneyUTest.class)
        .check(STATS);
  }

  @Test
  void theImportFoundTheStatisticsClasses() {
    assertThat(STATS.contain(McNemar.class)).isTrue();
    assertThat(STATS.contain(PairedT.class)).isTrue();
  }

  private static Path mainClasses() {
    try {
      Path root =
          Path.of(McNemar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return root.resolve("dev/backslide/stats");
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the compiled dev.backslide.stats classes", e);
    }
  }
}
