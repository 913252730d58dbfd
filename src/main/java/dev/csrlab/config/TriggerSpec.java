package dev.csrlab.config;

import dev.csrlab.config.Options.TriggerKind;

/**
 * When to widen (SPEC §1.4). {@code epoch}: after epoch {@code epoch}; {@code step}: after update
 * {@code step}; {@code threshold}: when the subset validation loss first drops below {@code
 * threshold}; {@code plateau}: when the smoothed validation loss improves by less than {@code
 * plateauDelta} over {@code plateauSteps} updates. The data-driven kinds always fall back to
 * widening after update {@code latestStep} (0 = after epoch E−1) so a run never waits forever.
 */
public record TriggerSpec(
    TriggerKind kind,
    int epoch,
    long step,
    double threshold,
    double plateauDelta,
    int plateauSteps,
    long latestStep) {

  public static TriggerSpec afterEpoch(int t) {
    return new TriggerSpec(TriggerKind.EPOCH, t, 0, 0.0, 0.001, 200, 0);
  }

  public static TriggerSpec atStep(long n) {
    return new TriggerSpec(TriggerKind.STEP, 0, n, 0.0, 0.001, 200, 0);
  }

  public static TriggerSpec belowLoss(double value, long latestStep) {
    return new TriggerSpec(TriggerKind.THRESHOLD, 0, 0, value, 0.001, 200, latestStep);
  }

  public static TriggerSpec plateau(double delta, int steps, long latestStep) {
    return new TriggerSpec(TriggerKind.PLATEAU, 0, 0, 0.0, delta, steps, latestStep);
  }
}
