package dev.csrlab.stats;

import static dev.csrlab.stats.RunFixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.csrlab.train.RunResult;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CensoredRecoveryTest {
  @Test
  void pairScoresRespectCensoring() {
    assertEquals(1, CensoredRecovery.score(10, false, 20, false));
    assertEquals(-1, CensoredRecovery.score(20, false, 10, false));
    assertEquals(0, CensoredRecovery.score(15, false, 15, false));
    assertEquals(1, CensoredRecovery.score(30, false, 2737, true), "recovered beats censored");
    assertEquals(-1, CensoredRecovery.score(2737, true, 5, false));
    assertEquals(0, CensoredRecovery.score(2737, true, 2737, true), "both censored: tie");
    assertNull(CensoredRecovery.score(50, false, 40, true), "recovered after the censoring");
  }

  @Test
  void comparisonCountsWinsLossesTiesAndRecoveries() {
    Map<Long, RunResult> c = new TreeMap<>();
    Map<Long, RunResult> b = new TreeMap<>();
    put(c, b, 0, 10, 20); // C faster
    put(c, b, 1, 30, -1); // C recovered, B censored at 2737: C faster
    put(c, b, 2, -1, -1); // both censored: tie
    put(c, b, 3, -1, 5); // B faster
    c.put(4L, run("continuous", 4, 0.1, 3, 0.97)); // no partner: not a pair
    RecoveryComparison rc = CensoredRecovery.compare("continuous", "net2net", c, b);
    assertEquals(4, rc.nPairs());
    assertEquals(2, rc.treatmentFaster());
    assertEquals(1, rc.referenceFaster());
    assertEquals(1, rc.ties());
    assertEquals(0, rc.undetermined());
    assertEquals(2, rc.treatmentRecovered());
    assertEquals(2, rc.referenceRecovered());
    assertEquals(PairedTests.signTest(2, 1), rc.p(), 1e-12);
  }

  @Test
  void neverRecoveredRunIsCensoredAtRemainingSteps() {
    RunResult r = run("continuous", 0, 0.1, -1, 0.97);
    assertEquals(
        RunFixtures.STEPS - RunFixtures.WIDENING_STEP, Metric.RECOVERY_STEPS.value(r), 1e-12);
    assertEquals(true, Metric.isCensored(r));
    assertEquals(true, Double.isNaN(Metric.RECOVERY_STEPS.value(run("scratch", 0, 0, 0, 0.9))));
  }

  private static void put(
      Map<Long, RunResult> c, Map<Long, RunResult> b, long seed, long cRec, long bRec) {
    c.put(seed, run("continuous", seed, 0.1, cRec, 0.97));
    b.put(seed, run("net2net", seed, 0.0, bRec, 0.97));
  }
}
