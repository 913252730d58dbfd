package dev.csrlab.stats;

import static dev.csrlab.stats.RunFixtures.abc;
import static dev.csrlab.stats.RunFixtures.config;
import static dev.csrlab.stats.RunFixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.csrlab.config.ExperimentConfig;
import dev.csrlab.config.Method;
import dev.csrlab.config.VariantSpec;
import dev.csrlab.train.RunResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictTest {
  private static final List<Long> FIVE = List.of(0L, 1L, 2L, 3L, 4L);

  private static StudyAnalysis analyse(List<RunResult> runs, int seeds) {
    List<Long> s = FIVE.subList(0, seeds);
    return StudyAnalyzer.analyze(runs, config(s, "scratch", "net2net", "continuous"));
  }

  @Test
  void fiveSeedsWithNet2NetPreservingFunctionFailCriteriaOneAndTwo() {
    StudyAnalysis a = analyse(abc(5, 0.12, 0.978, 0.976, 0.977, 0.0005), 5);
    Verdict shock = a.verdicts().get(0);
    assertEquals(Outcome.FAILS, shock.outcome());
    assertTrue(shock.sentence().startsWith("Fails: C's shock is higher than B's"));
    assertTrue(shock.sentence().contains("5 paired seeds"));
    assertTrue(shock.note().contains("function-preserving"));
    assertEquals(0.14, shock.numbers().get("c_mean"), 1e-12);
    Verdict rec = a.verdicts().get(1);
    assertEquals(Outcome.FAILS, rec.outcome());
    assertTrue(rec.test().startsWith("paired t-test"), "no censoring: t-test decides");
    assertTrue(rec.sentence().contains("C recovered in 5 of 5 seeds, B in 5 of 5"));
  }

  @Test
  void lowerShockForCHolds() {
    List<RunResult> runs = new ArrayList<>();
    for (long s = 0; s < 5; s++) {
      runs.add(run("net2net", s, 0.5 + 0.01 * s, 10, 0.97));
      runs.add(run("continuous", s, 0.1 + 0.02 * s, 10, 0.97));
    }
    Verdict v =
        StudyAnalyzer.analyze(runs, config(FIVE, "net2net", "continuous")).verdicts().get(0);
    assertEquals(Outcome.HOLDS, v.outcome());
    assertTrue(v.sentence().startsWith("Holds: C's shock is lower"));
  }

  @Test
  void oneSeedReportsObservedValuesAndSaysNoTestIsPossible() {
    StudyAnalysis a = analyse(abc(1, 0.12, 0.978, 0.976, 0.977, 0.0), 1);
    for (Verdict v : a.verdicts()) {
      assertEquals(Outcome.NOT_DISTINGUISHABLE, v.outcome(), "criterion " + v.criterion());
      assertTrue(v.sentence().startsWith("Only 1 seed: no test is possible"), v.sentence());
    }
    assertTrue(a.verdicts().get(0).sentence().contains("C 0.12 vs B 0.0001"));
    assertTrue(a.verdicts().get(2).sentence().contains("C − A = -0.1 pp"));
    assertTrue(a.resolutionNote().contains("n < 2 paired seeds, so no variance estimate"));
  }

  @Test
  void accuracyWithinMarginHoldsAndClearLossFails() {
    Verdict holds = analyse(abc(5, 0.12, 0.975, 0.974, 0.977, 0.0002), 5).verdicts().get(2);
    assertEquals(Outcome.HOLDS, holds.outcome(), holds.sentence());
    assertTrue(holds.sentence().startsWith("Holds: C is non-inferior to both A and B"));
    assertTrue(holds.numbers().get("lower_bound_vs_a_pp") > -0.1);
    Verdict fails = analyse(abc(5, 0.12, 0.978, 0.976, 0.968, 0.0002), 5).verdicts().get(2);
    assertEquals(Outcome.FAILS, fails.outcome(), fails.sentence());
    assertTrue(fails.numbers().get("upper_bound_vs_a_pp") < -0.1);
  }

  @Test
  void noisyAccuracyIsNotDistinguishableAndResolutionSaysHowManySeedsTheMarginNeeds() {
    StudyAnalysis a = analyse(abc(5, 0.12, 0.978, 0.977, 0.9775, 0.01), 5);
    Verdict v = a.verdicts().get(2);
    assertEquals(Outcome.NOT_DISTINGUISHABLE, v.outcome(), v.sentence());
    assertTrue(v.sentence().startsWith("Not distinguishable"));
    assertTrue(
        a.resolutionNote().contains("seeds would be needed at this spread"), a.resolutionNote());
    assertTrue(a.resolutionNote().contains("80% power only for true mean differences of about"));
  }

  @Test
  void censoredRecoveryUsesTheSignTestWhichFiveSeedsCannotDecide() {
    List<RunResult> runs = new ArrayList<>();
    for (long s = 0; s < 5; s++) {
      runs.add(run("net2net", s, 0.0, 0, 0.97));
      runs.add(run("continuous", s, 0.1, -1, 0.97));
    }
    StudyAnalysis a = StudyAnalyzer.analyze(runs, config(FIVE, "net2net", "continuous"));
    Verdict v = a.verdicts().get(1);
    assertEquals(Outcome.NOT_DISTINGUISHABLE, v.outcome());
    assertTrue(v.test().startsWith("censoring-aware paired sign test"));
    assertTrue(v.sentence().contains("B faster in 5"));
    assertTrue(a.resolutionNote().contains("cannot give p below 0.0625"));
    assertTrue(a.resolutionNote().contains("needs at least 6 decided pairs"));
  }

  @Test
  void missingScratchLeavesCriterionThreeNotEvaluated() {
    List<RunResult> runs =
        abc(3, 0.12, 0.978, 0.976, 0.977, 0.001).stream()
            .filter(r -> !r.variant().equals("scratch"))
            .toList();
    StudyAnalysis a =
        StudyAnalyzer.analyze(runs, config(List.of(0L, 1L, 2L), "net2net", "continuous"));
    Verdict v = a.verdicts().get(2);
    assertEquals(Outcome.NOT_EVALUATED, v.outcome());
    assertTrue(v.sentence().contains("A (variant 'scratch')"), v.sentence());
    assertEquals(Outcome.FAILS, a.verdicts().get(0).outcome());
  }

  @Test
  void renamedContinuousVariantHasNoRoleSoNothingIsEvaluated() {
    ExperimentConfig.Builder b = config(FIVE, "scratch", "net2net").toBuilder();
    List<VariantSpec> vs = new ArrayList<>(b.variants);
    vs.add(VariantSpec.of(Method.CONTINUOUS).withName("continuous-x"));
    b.variants = vs;
    List<RunResult> runs = new ArrayList<>();
    for (long s = 0; s < 5; s++) {
      runs.add(run("net2net", s, 0.0, 0, 0.97));
      RunResult c = run("continuous", s, 0.1, 3, 0.97);
      runs.add(
          new RunResult(
              "continuous-x",
              c.method(),
              s,
              c.status(),
              c.wideningStep(),
              c.trigger(),
              c.shock(),
              c.peakShock(),
              c.excessLossArea(),
              c.functionError(),
              c.functionKl(),
              c.recoverySteps(),
              c.recovered(),
              c.valLossAtN100(),
              c.valLossAtN500(),
              c.bestValLoss(),
              c.bestValEpoch(),
              c.finalTestAccuracy(),
              c.finalTestLoss(),
              c.steps(),
              c.trainFlops(),
              c.seconds(),
              c.pathSimilarity()));
    }
    StudyAnalysis a = StudyAnalyzer.analyze(runs, b.build());
    assertTrue(a.verdicts().stream().allMatch(v -> v.outcome() == Outcome.NOT_EVALUATED));
    assertTrue(a.verdicts().get(0).sentence().contains("C (variant 'continuous')"));
  }
}
