package dev.csrlab.ui.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.csrlab.config.ExperimentConfig;
import dev.csrlab.train.RunKey;
import dev.csrlab.train.RunResult;
import dev.csrlab.ui.results.ResultsViewModel.Row;
import dev.csrlab.ui.session.Criterion;
import dev.csrlab.ui.session.Session;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultsViewModelTest {
  private static RunResult r(String variant, String method, long seed, double shock,
      long recovery, double acc) {
    return new RunResult(variant, method, seed, "completed", method.equals("scratch") ? -1 : 100,
        "epoch 3", shock, shock,
        shock, shock / 2, 0, recovery, recovery >= 0, 0, 0, 0, 1, acc, 0, 1000, 0, 1, List.of());
  }

  private static Session session(RunResult... rs) {
    Session s = new Session(ExperimentConfig.defaults());
    for (RunResult x : rs) {
      s.putResult(new RunKey(x.variant(), x.seed()), x);
    }
    return s;
  }

  @Test
  void rowsShowMeanAndSampleStdOverSeeds() {
    Session s = session(r("continuous", "continuous", 0, 0.2, 10, 0.97),
        r("continuous", "continuous", 1, 0.4, 30, 0.98));
    Row row = ResultsViewModel.rows(s).get(0);
    assertEquals(0.3, row.shock().mean(), 1e-12);
    assertEquals(Math.sqrt(0.02), row.shock().std(), 1e-12);
    assertEquals("+0.3000 ± 0.1414", row.shock().format("%+.4f"));
    assertEquals("20 ± 14 (2/2 recovered)", row.recoveryText());
    assertEquals("97.50 ± 0.71", row.testAccuracy().format("%.2f", x -> 100 * x));
  }

  @Test
  void runsThatNeverRecoveredAreCountedNotAveraged() {
    Session s = session(r("net2net", "net2net", 0, 0.0, -1, 0.97),
        r("net2net", "net2net", 1, 0.0, 12, 0.97));
    Row row = ResultsViewModel.rows(s).get(0);
    assertEquals(12, row.recoverySteps().mean());
    assertEquals(1, row.recovered());
  }

  @Test
  void rowsFollowTheConfigsVariantOrder() {
    Session s = session(r("continuous", "continuous", 0, 0.2, 10, 0.97),
        r("scratch", "scratch", 0, Double.NaN, -1, 0.98));
    assertEquals(List.of("scratch", "continuous"),
        ResultsViewModel.rows(s).stream().map(Row::variant).toList());
    Row scratch = ResultsViewModel.rows(s).get(0);
    assertEquals("—", scratch.shock().format("%.4f"));
    assertEquals("—", scratch.recoveryText(), "scratch never widens: nothing to recover");
    assertEquals("98.00 %", scratch.testAccuracy().format("%.2f", x -> 100 * x, " %"));
    assertEquals("—", Aggregate.of(new double[0]).format("%.2f", x -> x, " %"));
  }

  @Test
  void provisionalCriteriaCompareMeans() {
    Session s = session(r("scratch", "scratch", 0, Double.NaN, -1, 0.980),
        r("net2net", "net2net", 0, 0.001, 0, 0.978),
        r("continuous", "continuous", 0, 0.3, 40, 0.9795));
    List<Criterion> c = ResultsViewModel.criteria(s);
    assertEquals(3, c.size());
    assertTrue(c.stream().allMatch(Criterion::provisional));
    assertEquals(Boolean.FALSE, c.get(0).holds(), "C's shock 0.3 is not below B's 0.001");
    assertEquals(Boolean.FALSE, c.get(1).holds(), "40 steps is slower than 0");
    // 97.95 ≥ 98.0 − 0.1 and ≥ 97.8 − 0.1: non-inferior within the default 0.1 pp margin.
    assertEquals(Boolean.TRUE, c.get(2).holds(), c.get(2).detail());
  }

  @Test
  void criteriaWithoutTheNeededVariantsAreUndecided() {
    Session s = session(r("continuous", "continuous", 0, 0.3, 40, 0.97));
    assertNull(ResultsViewModel.criteria(s).get(0).holds());
    assertEquals("undecided", ResultsViewModel.criteria(s).get(0).verdict());
  }

  @Test
  void summaryCriteriaWinOverProvisionalOnes() {
    Session s = session(r("continuous", "continuous", 0, 0.3, 40, 0.97));
    s.setCriteria(List.of(new Criterion("C's shock is lower", false, "fails", "t = 5", false)));
    assertEquals("fails", ResultsViewModel.criteria(s).get(0).verdict());
    assertEquals(1, ResultsViewModel.criteria(s).size());
  }
}
