package dev.csrlab.train;

import dev.csrlab.growth.LayerWidening;
import java.util.ArrayList;
import java.util.List;

/**
 * Derives the per-run metrics of SPEC §2 from the step stream: peak shock and excess loss area over
 * the window N+1…N+P, recovery steps, subset val loss at N+100/N+500, the best full-split
 * validation loss, and the final test numbers. Emits the window and recovery scalars as {@link
 * MetricEvent}s when they happen and assembles the {@link RunResult}.
 */
public final class RunTracker {
  private final RunKey key;
  private final String method;
  private final int peakWindow;
  private final TrainingListener bus;

  private long wideningStep = -1;
  private String trigger = "";
  private double shock = Double.NaN;
  private double functionError = Double.NaN;
  private double functionKl = Double.NaN;
  private double lossBefore = Double.NaN;
  private double accBefore = Double.NaN;
  private double peakLoss = Double.NEGATIVE_INFINITY;
  private double excessArea;
  private double peakShock = Double.NaN;
  private double excessLossArea = Double.NaN;
  private boolean windowClosed;
  private long recoverySteps = -1;
  private double lossAtN100 = Double.NaN;
  private double lossAtN500 = Double.NaN;
  private double bestValLoss = Double.POSITIVE_INFINITY;
  private int bestValEpoch = -1;
  private double testAccuracy = Double.NaN;
  private double testLoss = Double.NaN;
  private long lastStep;
  private double flops;
  private final List<RunResult.LayerPath> paths = new ArrayList<>();

  public RunTracker(RunKey key, String method, int peakWindow, TrainingListener bus) {
    this.key = key;
    this.method = method;
    this.peakWindow = peakWindow;
    this.bus = bus;
  }

  public RunKey key() {
    return key;
  }

  /**
   * Records the widening (or, for small-continue, the branch point). {@code afterSubsetAcc} is the
   * widened model's subset accuracy before any update: recovery is 0 if it never dropped.
   */
  public void widened(WideningEvent e, double afterSubsetAcc) {
    wideningStep = e.step();
    trigger = e.trigger();
    shock = e.shock();
    functionError = e.functionError();
    functionKl = e.functionKl();
    lossBefore = e.subsetValLossBefore();
    accBefore = e.subsetValAccBefore();
    for (LayerWidening l : e.layers()) {
      paths.add(new RunResult.LayerPath(l.hidden(), l.pathBefore(), l.pathAfter(), l.pathRandom()));
    }
    if (afterSubsetAcc >= accBefore) {
      recoverySteps = 0;
      bus.onMetric(new MetricEvent(key, "Metric/Recovery_Steps", e.step(), 0));
    }
  }

  /** Marks the branch point of a variant that does not widen (small-continue). */
  public void branched(long step, String why) {
    wideningStep = step;
    trigger = why;
  }

  public void onStep(StepEvent e, double flopsOfStep) {
    lastStep = e.step();
    flops += flopsOfStep;
    if (wideningStep < 0 || e.step() <= wideningStep || Double.isNaN(lossBefore)) {
      return;
    }
    long after = e.step() - wideningStep;
    if (after == 100) {
      lossAtN100 = e.valLoss();
    }
    if (after == 500) {
      lossAtN500 = e.valLoss();
    }
    if (after <= peakWindow) {
      peakLoss = Math.max(peakLoss, e.valLoss());
      excessArea += Math.max(0, e.valLoss() - lossBefore);
      if (after == peakWindow) {
        closeWindow(e.step());
      }
    }
    if (recoverySteps < 0 && e.valAcc() >= accBefore) {
      recoverySteps = after;
      bus.onMetric(new MetricEvent(key, "Metric/Recovery_Steps", e.step(), after));
    }
  }

  /** Closes the peak window early when the run ends before N+P. */
  public void finish() {
    if (!windowClosed
        && wideningStep >= 0
        && lastStep > wideningStep
        && !Double.isNaN(lossBefore)) {
      closeWindow(lastStep);
    }
  }

  private void closeWindow(long step) {
    windowClosed = true;
    peakShock = peakLoss - lossBefore;
    excessLossArea = excessArea;
    bus.onMetric(new MetricEvent(key, "Metric/Peak_Shock", step, peakShock));
    bus.onMetric(new MetricEvent(key, "Metric/Excess_Loss_Area", step, excessLossArea));
  }

  public void onEpoch(EpochEvent e) {
    if (e.valLoss() < bestValLoss) {
      bestValLoss = e.valLoss();
      bestValEpoch = e.epoch();
    }
  }

  public void tested(double accuracy, double loss) {
    testAccuracy = accuracy;
    testLoss = loss;
  }

  public RunResult result(RunStatus status, double seconds) {
    return new RunResult(
        key.variant(),
        method,
        key.seed(),
        status.id(),
        wideningStep,
        trigger,
        shock,
        peakShock,
        excessLossArea,
        functionError,
        functionKl,
        recoverySteps,
        recoverySteps >= 0,
        lossAtN100,
        lossAtN500,
        bestValEpoch < 0 ? Double.NaN : bestValLoss,
        bestValEpoch,
        testAccuracy,
        testLoss,
        lastStep,
        flops,
        seconds,
        List.copyOf(paths));
  }
}
