package dev.csrlab.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The shape of the lab (docs/ARCHITECTURE.md), enforced: the engine never depends on the window
 * toolkit, the window never does tensor math, growth operators stand alone, no package cycles.
 */
@AnalyzeClasses(packages = "dev.csrlab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  private static final String[] ENGINE = {"dev.csrlab.config..", "dev.csrlab.data..",
      "dev.csrlab.nn..", "dev.csrlab.growth..", "dev.csrlab.train..", "dev.csrlab.log..",
      "dev.csrlab.stats..", "dev.csrlab.experiment..", "dev.csrlab.report..", "dev.csrlab.cli.."};

  @ArchTest
  static final ArchRule engineNeverImportsTheWindowToolkit = noClasses()
      .that().resideInAnyPackage(ENGINE)
      .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..",
          "org.jfree.chart.fx..", "org.jfree.fx..", "dev.csrlab.ui..")
      .because("the engine must run headless (CLI, CI, servers); only dev.csrlab.ui is JavaFX");

  @ArchTest
  static final ArchRule windowNeverDoesTensorMath = noClasses()
      .that().resideInAPackage("dev.csrlab.ui..")
      .should().dependOnClassesThat().resideInAnyPackage("ai.djl..", "org.ejml..")
      .because("the GUI shows results; tensor work belongs to the engine (STYLE.md)");

  @ArchTest
  static final ArchRule growthOperatorsStandAlone = noClasses()
      .that().resideInAPackage("dev.csrlab.growth..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.csrlab.train..",
          "dev.csrlab.log..", "dev.csrlab.cli..", "dev.csrlab.experiment..", "dev.csrlab.ui..",
          "ai.djl..")
      .because("widening operators are a tool in their own right (csr-lab widen, tests)");

  @ArchTest
  static final ArchRule configIsPlainData = noClasses()
      .that().resideInAPackage("dev.csrlab.config..")
      .should().dependOnClassesThat().resideInAnyPackage("ai.djl..", "dev.csrlab.train..",
          "dev.csrlab.experiment..", "dev.csrlab.ui..", "dev.csrlab.cli..");

  @ArchTest
  static final ArchRule noPackageCycles = slices().matching("dev.csrlab.(*)..")
      .should().beFreeOfCycles();
}
