package dev.csrlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SPEC §2 window metrics computed from a hand-made subset validation curve. */
class RunTrackerTest {
  private final List<MetricEvent> metrics = new ArrayList<>();
  private final TrainingListener bus =
      new TrainingListener() {
        @Override
        public void onMetric(MetricEvent e) {
          metrics.add(e);
        }
      };
  private final RunKey key = new RunKey("continuous", 0);

  private WideningEvent widening(long n, double lossBefore, double accBefore) {
    return new WideningEvent(
        key,
        n,
        "step " + n,
        0.30,
        0.50,
        0.90,
        0.85,
        1.0,
        0.1,
        lossBefore,
        accBefore,
        List.of(),
        new double[0],
        null);
  }

  private StepEvent step(long s, double loss, double acc) {
    return new StepEvent(
        key, s, 1, loss, loss, acc, 1e-3, Phase.WIDE, Double.NaN, Double.NaN, false);
  }

  @Test
  void peakShockAreaAndRecoveryFollowTheirDefinitions() {
    RunTracker t = new RunTracker(key, "continuous", 4, bus);
    t.widened(widening(10, 0.30, 0.90), 0.80);
    double[] loss = {0.50, 0.45, 0.32, 0.28, 0.25};
    double[] acc = {0.82, 0.86, 0.89, 0.91, 0.92};
    for (int i = 0; i < loss.length; i++) {
      t.onStep(step(11 + i, loss[i], acc[i]), 0);
    }
    RunResult r = t.result(RunStatus.COMPLETED, 1);
    assertEquals(0.20, r.peakShock(), 1e-12, "max over N+1…N+4 minus before");
    assertEquals(0.20 + 0.15 + 0.02 + 0.0, r.excessLossArea(), 1e-12);
    assertEquals(4, r.recoverySteps(), "accuracy back to 0.90 at N+4");
    assertTrue(r.recovered());
    assertEquals(0.20, r.shock(), 1e-12);
    assertEquals(
        List.of("Metric/Peak_Shock", "Metric/Excess_Loss_Area", "Metric/Recovery_Steps"),
        metrics.stream().map(MetricEvent::tag).toList());
    assertEquals(14, metrics.get(0).step(), "window closes at N+P");
  }

  @Test
  void recoveryIsZeroWhenAccuracyNeverDropped() {
    RunTracker t = new RunTracker(key, "net2net", 100, bus);
    t.widened(widening(10, 0.30, 0.90), 0.90);
    assertEquals(0, t.result(RunStatus.COMPLETED, 1).recoverySteps());
  }

  @Test
  void neverRecoveredIsCensoredAndAShortRunClosesTheWindowEarly() {
    RunTracker t = new RunTracker(key, "continuous", 100, bus);
    t.widened(widening(10, 0.30, 0.90), 0.50);
    t.onStep(step(11, 0.9, 0.6), 0);
    t.onStep(step(12, 0.7, 0.7), 0);
    t.finish();
    RunResult r = t.result(RunStatus.COMPLETED, 1);
    assertFalse(r.recovered());
    assertEquals(-1, r.recoverySteps());
    assertEquals(0.6, r.peakShock(), 1e-12);
    assertEquals(12, metrics.get(0).step());
  }

  @Test
  void bestValidationLossKeepsItsEpoch() {
    RunTracker t = new RunTracker(key, "scratch", 100, bus);
    double[] val = {0.3, 0.2, 0.15, 0.17};
    for (int e = 0; e < val.length; e++) {
      t.onEpoch(new EpochEvent(key, e + 1, (e + 1) * 10L, 0.1, val[e], 0.9, 1));
    }
    RunResult r = t.result(RunStatus.COMPLETED, 1);
    assertEquals(0.15, r.bestValLoss());
    assertEquals(3, r.bestValEpoch());
  }
}
