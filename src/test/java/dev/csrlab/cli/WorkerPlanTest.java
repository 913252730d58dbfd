package dev.csrlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How {@code run --workers} splits the cores (WorkerPlan). */
class WorkerPlanTest {
  @Test
  void autoUsesOneWorkerPerCoreWithAnEqualShareOfThreads() {
    assertEquals(new WorkerPlan(2, 1), WorkerPlan.of(null, 0, false, 5, "auto", 2));
    assertEquals(new WorkerPlan(8, 1), WorkerPlan.of(null, 0, false, 8, "cpu", 8));
    assertEquals(new WorkerPlan(4, 2), WorkerPlan.of(null, 0, false, 4, "cpu", 8));
  }

  @Test
  void autoNeverStartsMoreWorkersThanSeeds() {
    assertEquals(new WorkerPlan(1, 0), WorkerPlan.of(null, 0, false, 1, "auto", 2));
    assertEquals(new WorkerPlan(3, 2), WorkerPlan.of(null, 0, false, 3, "auto", 8));
  }

  @Test
  void autoRespectsAChosenThreadCount() {
    assertEquals(new WorkerPlan(1, 2), WorkerPlan.of(null, 2, true, 5, "auto", 2));
    assertEquals(new WorkerPlan(2, 1), WorkerPlan.of(null, 1, true, 5, "auto", 2));
    assertEquals(new WorkerPlan(1, 0), WorkerPlan.of(null, 0, true, 5, "auto", 2));
  }

  @Test
  void autoKeepsAGpuRunInOneProcess() {
    assertEquals(new WorkerPlan(1, 0), WorkerPlan.of(null, 0, false, 5, "gpu", 8));
  }

  @Test
  void anExplicitCountIsUsedUpToTheSeedCount() {
    assertEquals(new WorkerPlan(1, 0), WorkerPlan.of(1, 0, false, 5, "auto", 2));
    assertEquals(new WorkerPlan(3, 1), WorkerPlan.of(3, 0, false, 5, "auto", 2));
    assertEquals(new WorkerPlan(2, 0), WorkerPlan.of(4, 0, true, 2, "auto", 2));
  }
}
