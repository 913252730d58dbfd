package dev.csrlab.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.csrlab.train.CancelToken;
import dev.csrlab.train.EpochEvent;
import dev.csrlab.train.MetricEvent;
import dev.csrlab.train.Phase;
import dev.csrlab.train.RunFinished;
import dev.csrlab.train.RunKey;
import dev.csrlab.train.RunResult;
import dev.csrlab.train.RunStarted;
import dev.csrlab.train.RunStatus;
import dev.csrlab.train.StepEvent;
import dev.csrlab.train.TrainingListener;
import dev.csrlab.train.WideningEvent;

/**
 * The shape of the lab (docs/ARCHITECTURE.md), enforced: the engine never depends on the window
 * toolkit, the window never does tensor math, growth operators stand alone, results code works from
 * recorded events only, only the entry points end the JVM, no package cycles.
 */
@AnalyzeClasses(packages = "dev.csrlab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  private static final String UI = "dev.csrlab.ui..";

  /**
   * What a subscriber may know about training: the listener interface, its events and the types
   * they carry (SPEC §5). Everything else in train (the loop, sessions, lanes) is the engine's.
   */
  private static final Class<?>[] TRAINING_EVENT_CONTRACT = {
    TrainingListener.class,
    RunStarted.class,
    StepEvent.class,
    EpochEvent.class,
    WideningEvent.class,
    MetricEvent.class,
    RunFinished.class,
    RunResult.class,
    RunKey.class,
    Phase.class,
    RunStatus.class,
    CancelToken.class
  };

  @ArchTest
  static final ArchRule engineNeverImportsTheWindowToolkit =
      noClasses()
          .that()
          .resideInAPackage("dev.csrlab..")
          .and()
          .resideOutsideOfPackage(UI)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "javafx..", "org.controlsfx..", "org.jfree.chart.fx..", "org.jfree.fx..", UI)
          .because("the engine must run headless (CLI, CI, servers); only dev.csrlab.ui is JavaFX");

  @ArchTest
  static final ArchRule windowNeverDoesTensorMath =
      noClasses()
          .that()
          .resideInAPackage(UI)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("ai.djl..", "org.ejml..")
          .because("the GUI shows results; tensor work belongs to the engine (STYLE.md)")
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule onlyTheComputeCoreTouchesDjl =
      noClasses()
          .that()
          .resideInAPackage("dev.csrlab..")
          .and()
          .resideOutsideOfPackages(
              "dev.csrlab.nn..",
              "dev.csrlab.train..",
              "dev.csrlab.experiment..",
              "dev.csrlab.bench..",
              "dev.csrlab.cli..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("ai.djl..")
          .because(
              "data, growth, log, stats and report work on plain arrays and recorded numbers, so"
                  + " 'csr-lab report' and 'widen' and their tests never load the native engine");

  @ArchTest
  static final ArchRule growthOperatorsStandAlone =
      noClasses()
          .that()
          .resideInAPackage("dev.csrlab.growth..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.csrlab.train..",
              "dev.csrlab.log..",
              "dev.csrlab.cli..",
              "dev.csrlab.experiment..",
              "dev.csrlab.data..",
              "dev.csrlab.stats..",
              "dev.csrlab.report..",
              UI)
          .because("widening operators are a tool in their own right (csr-lab widen, tests)");

  @ArchTest
  static final ArchRule configIsPlainData =
      noClasses()
          .that()
          .resideInAPackage("dev.csrlab.config..")
          .should()
          .dependOnClassesThat(
              resideInAPackage("dev.csrlab..").and(not(resideInAPackage("dev.csrlab.config.."))))
          .because("one config record drives GUI, CLI and saved runs; it sits below everything");

  @ArchTest
  static final ArchRule subscribersSeeTrainingOnlyThroughEvents =
      noClasses()
          .that()
          .resideInAnyPackage("dev.csrlab.log..", "dev.csrlab.stats..", "dev.csrlab.report..", UI)
          .should()
          .dependOnClassesThat(trainingInternals())
          .because(
              "sinks, statistics, reports and the window subscribe to the loop's events (STYLE.md);"
                  + " adding a sink must touch no training code, so they may not reach into it");

  /**
   * A train class outside the event contract; arrays (e.g. {@code Phase[]}) count as their element.
   */
  private static DescribedPredicate<JavaClass> trainingInternals() {
    DescribedPredicate<JavaClass> internal =
        resideInAPackage("dev.csrlab.train..").and(not(belongToAnyOf(TRAINING_EVENT_CONTRACT)));
    return DescribedPredicate.describe(
        "are training internals (dev.csrlab.train outside the event contract)",
        c -> internal.test(c.getBaseComponentType()));
  }

  @ArchTest
  static final ArchRule nothingDependsOnTheCommandLine =
      noClasses()
          .that()
          .resideInAPackage("dev.csrlab..")
          .and()
          .resideOutsideOfPackage("dev.csrlab.cli..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.csrlab.cli..")
          .orShould()
          .dependOnClassesThat()
          .resideInAPackage("picocli..")
          .because("the CLI is an entry point on top of the engine, not a library for it");

  @ArchTest
  static final ArchRule onlyEntryPointsEndTheJvm =
      noClasses()
          .that()
          .resideInAPackage("dev.csrlab..")
          .and()
          .resideOutsideOfPackages("dev.csrlab.cli..", UI)
          .should()
          .callMethod(System.class, "exit", int.class)
          .orShould()
          .callMethod(Runtime.class, "exit", int.class)
          .orShould()
          .callMethod(Runtime.class, "halt", int.class)
          .because(
              "engine code reports failure by exception so the window and the tests survive it;"
                  + " only cli.Main and the window decide the exit status");

  @ArchTest
  static final ArchRule noPackageCycles =
      slices().matching("dev.csrlab.(*)..").should().beFreeOfCycles();
}
