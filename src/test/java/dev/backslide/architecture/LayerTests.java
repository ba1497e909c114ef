package dev.backslide.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layer rules: data flows one way, tasks -> endpoints -> scores -> comparison -> verdict ->
 * report, the pipeline assembles one gate run from all of them, and each framework stays in its one
 * adapter package (the junit adapter being the pipeline's only user).
 */
class LayerTests {
  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.backslide");
  }

  @Test
  void onlyTheOpenAiAdapterImportsOkHttp() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.backslide.endpoint.openai..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("okhttp3..", "okio..")
        .check(classes);
  }

  @Test
  void onlyTheJunitAdapterImportsJunitOrAllure() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.backslide.junit..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.junit..", "io.qameta..")
        .check(classes);
  }

  @Test
  void domainPackagesDoNotReachDownstream() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.backslide.task..", "dev.backslide.input..", "dev.backslide.stats..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.backslide.endpoint..",
            "dev.backslide.score..",
            "dev.backslide.refusal..",
            "dev.backslide.compare..",
            "dev.backslide.verdict..",
            "dev.backslide.report..",
            "dev.backslide.run..",
            "dev.backslide.config..",
            "dev.backslide.junit..")
        .check(classes);
  }

  @Test
  void endpointsKnowNothingOfScoresOrVerdicts() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.backslide.endpoint..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.backslide.score..",
            "dev.backslide.refusal..",
            "dev.backslide.compare..",
            "dev.backslide.verdict..",
            "dev.backslide.report..",
            "dev.backslide.run..",
            "dev.backslide.junit..")
        .check(classes);
  }

  @Test
  void scoresDoNotKnowComparisonsOrVerdicts() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.backslide.score..", "dev.backslide.refusal..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.backslide.compare..",
            "dev.backslide.verdict..",
            "dev.backslide.report..",
            "dev.backslide.run..",
            "dev.backslide.junit..")
        .check(classes);
  }

  @Test
  void verdictsDoNotKnowReportsOrRuns() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.backslide.compare..", "dev.backslide.verdict..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.backslide.report..", "dev.backslide.run..", "dev.backslide.junit..")
        .check(classes);
  }

  @Test
  void onlyTheJunitAdapterUsesThePipeline() {
    noClasses()
        .that()
        .resideOutsideOfPackages("dev.backslide.pipeline..", "dev.backslide.junit..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.backslide.pipeline..")
        .check(classes);
  }

  @Test
  void thePipelineKnowsNothingOfItsAdapter() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.backslide.pipeline..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.backslide.junit..")
        .check(classes);
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching("dev.backslide.(*)..").should().beFreeOfCycles().check(classes);
  }
}
