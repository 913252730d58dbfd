package dev.csrlab.stats;

import static dev.csrlab.stats.RunFixtures.abc;
import static dev.csrlab.stats.RunFixtures.config;
import static dev.csrlab.stats.RunFixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.csrlab.train.RunResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StudyAnalyzerTest {
  private static final List<Long> FIVE = List.of(0L, 1L, 2L, 3L, 4L);

  @Test
  void variantStatsReportMeanStdAndIntervalInPercentForAccuracy() {
    List<RunResult> runs = abc(5, 0.12, 0.978, 0.976, 0.977, 0.0);
    StudyAnalysis a = StudyAnalyzer.analyze(runs, config(FIVE, "scratch", "net2net", "continuous"));
    VariantStats c = a.variants().get(2);
    assertEquals("continuous", c.variant());
    assertEquals("C", c.role());
    MetricSummary shock = c.metric(Metric.SHOCK);
    // C's shock is 0.12 + 0.01·seed: mean 0.14, sample std 0.01·√(10/4) = 0.0158114.
    assertEquals(0.14, shock.mean(), 1e-12);
    assertEquals(0.01 * Math.sqrt(2.5), shock.sd(), 1e-12);
    assertTrue(shock.ciLow() < 0.14 && shock.ciHigh() > 0.14);
    assertEquals(97.7, c.metric(Metric.FINAL_TEST_ACCURACY).mean(), 1e-9);
    assertEquals("recovered in 5 of 5 seeds", c.recoverySummary());
    assertNull(a.variants().get(0).metric(Metric.SHOCK), "scratch never widens: no shock");
    assertEquals("does not widen", a.variants().get(0).recoverySummary());
  }

  @Test
  void comparisonsFollowTheProtocolOrderAndSkipMetricsWithoutPairs() {
    List<RunResult> runs = new ArrayList<>(abc(5, 0.12, 0.978, 0.976, 0.977, 0.001));
    for (long s = 0; s < 5; s++) {
      runs.add(run("continuous-unsorted", s, 0.3, 60, 0.975));
    }
    StudyAnalysis a =
        StudyAnalyzer.analyze(
            runs, config(FIVE, "scratch", "net2net", "continuous", "continuous-unsorted"));
    List<String> acc =
        a.comparisons().stream()
            .filter(c -> c.metric() == Metric.FINAL_TEST_ACCURACY)
            .map(c -> c.treatment() + "-" + c.reference())
            .toList();
    assertEquals(
        List.of(
            "continuous-net2net",
            "continuous-scratch",
            "net2net-scratch",
            "continuous-unsorted-continuous"),
        acc);
    assertNull(a.comparison(Metric.SHOCK, "continuous", "scratch"), "scratch has no shock");
    Comparison cb = a.comparison(Metric.SHOCK, "continuous", "net2net");
    assertEquals(5, cb.nPairs());
    assertTrue(cb.pHolm() >= cb.p(), "shock family has two tests: Holm cannot lower p");
    assertEquals(2, a.recovery().size(), "C−B and unsorted−C both widen");
  }

  @Test
  void onlySeedsWhereBothRunsCompletedArePaired() {
    List<RunResult> runs = new ArrayList<>(abc(5, 0.12, 0.978, 0.976, 0.977, 0.001));
    int i =
        runs.indexOf(
            runs.stream()
                .filter(r -> r.variant().equals("net2net") && r.seed() == 2)
                .findFirst()
                .orElseThrow());
    runs.set(i, RunFixtures.withStatus(runs.get(i), "diverged"));
    StudyAnalysis a = StudyAnalyzer.analyze(runs, config(FIVE, "scratch", "net2net", "continuous"));
    Comparison cb = a.comparison(Metric.FINAL_TEST_ACCURACY, "continuous", "net2net");
    assertEquals(List.of(0L, 1L, 3L, 4L), cb.seeds());
    assertEquals(5, a.comparison(Metric.FINAL_TEST_ACCURACY, "continuous", "scratch").nPairs());
    assertEquals(5, a.variants().get(1).runs());
    assertEquals(4, a.variants().get(1).completed());
  }

  @Test
  void pairedDifferenceMatchesPerSeedSubtraction() {
    StudyAnalysis a =
        StudyAnalyzer.analyze(
            abc(5, 0.12, 0.978, 0.976, 0.977, 0.0),
            config(FIVE, "scratch", "net2net", "continuous"));
    Comparison cb = a.comparison(Metric.SHOCK, "continuous", "net2net");
    // Per seed: (0.12 + 0.01 s) − 1e-4 (s + 1) ⇒ mean 0.14 − 3e-4 = 0.1397.
    assertEquals(0.1397, cb.meanDiff(), 1e-12);
    assertEquals(0.14, cb.treatmentMean(), 1e-12);
    assertTrue(cb.p() < 1e-4);
    assertTrue(cb.ciLow() > 0);
  }

  @Test
  void censoredRunsEnterRecoveryStatisticsAtTheirCensoringTime() {
    List<RunResult> runs = new ArrayList<>();
    for (long s = 0; s < 5; s++) {
      runs.add(run("net2net", s, 0.0, 0, 0.97));
      runs.add(run("continuous", s, 0.1, -1, 0.97));
    }
    StudyAnalysis a = StudyAnalyzer.analyze(runs, config(FIVE, "net2net", "continuous"));
    MetricSummary rec = a.variants().get(1).metric(Metric.RECOVERY_STEPS);
    assertEquals(5, rec.censored());
    assertEquals(RunFixtures.STEPS - RunFixtures.WIDENING_STEP, rec.mean(), 1e-9);
    assertEquals("recovered in 0 of 5 seeds", a.variants().get(1).recoverySummary());
    RecoveryComparison rc = a.recovery().get(0);
    assertEquals(5, rc.referenceFaster());
    assertEquals(0.0625, rc.p(), 1e-12);
    assertEquals(5, a.comparison(Metric.RECOVERY_STEPS, "continuous", "net2net").censoredPairs());
  }

  @Test
  void duplicateCompletedRunIsAnError() {
    List<RunResult> runs =
        List.of(run("continuous", 0, 0.1, 3, 0.9), run("continuous", 0, 0.2, 3, 0.9));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> StudyAnalyzer.analyze(runs, config(List.of(0L), "continuous")));
    assertTrue(e.getMessage().contains("seed 0"));
  }

  @Test
  void variantsOnlyInTheRunsAreStillSummarised() {
    List<RunResult> runs =
        List.of(run("continuous", 0, 0.1, 3, 0.9), run("net2net-each-once", 0, 0.2, 3, 0.9));
    StudyAnalysis a = StudyAnalyzer.analyze(runs, config(List.of(0L), "continuous"));
    assertEquals(2, a.variants().size());
    assertNotNull(a.comparison(Metric.SHOCK, "net2net-each-once", "continuous"));
  }
}
