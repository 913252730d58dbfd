package dev.csrlab.train;

import dev.csrlab.config.TriggerSpec;

/**
 * Decides the widening step N from the small model's curve (SPEC §1.4). Fixed kinds fire at a known
 * step; data-driven kinds watch the subset validation loss and always fall back to a latest step so
 * a run never waits forever. {@link #check} names which one fired.
 */
public final class WideningTrigger {
  /** EMA factor of the plateau detector: a memory of ~20 steps smooths batch-to-batch noise. */
  static final double PLATEAU_EMA = 0.1;

  private final TriggerSpec spec;
  private final long latest;
  private final double[] smoothedHistory;
  private double smoothed = Double.NaN;

  public WideningTrigger(TriggerSpec spec, long stepsPerEpoch, int epochs) {
    this.spec = spec;
    long fallback = spec.latestStep() > 0 ? spec.latestStep() : (epochs - 1) * stepsPerEpoch;
    this.latest =
        switch (spec.kind()) {
          case EPOCH -> spec.epoch() * stepsPerEpoch;
          case STEP -> spec.step();
          default -> fallback;
        };
    this.smoothedHistory = new double[Math.max(1, spec.plateauSteps()) + 1];
  }

  /** The step at which widening happens at the latest. */
  public long latestStep() {
    return latest;
  }

  /**
   * Called after update {@code step} of the small model with its subset validation loss.
   *
   * @return a description of the trigger that fired ("epoch 3", "threshold 0.2 < …", "plateau …",
   *     "fallback step …"), or null to keep training
   */
  public String check(long step, double valLoss) {
    switch (spec.kind()) {
      case EPOCH:
        return step >= latest ? "epoch " + spec.epoch() + " (step " + step + ")" : null;
      case STEP:
        return step >= latest ? "step " + step : null;
      case THRESHOLD:
        if (valLoss < spec.threshold()) {
          return String.format(
              "threshold: val loss %.4f < %.4f at step %d", valLoss, spec.threshold(), step);
        }
        break;
      case PLATEAU:
        String p = plateau(step, valLoss);
        if (p != null) {
          return p;
        }
        break;
      default:
        throw new IllegalStateException("unknown trigger " + spec.kind());
    }
    return step >= latest ? "fallback: latest step " + latest + " reached" : null;
  }

  /** Smoothed loss improved by less than δ over the last K steps. */
  private String plateau(long step, double valLoss) {
    smoothed = Double.isNaN(smoothed) ? valLoss : smoothed + PLATEAU_EMA * (valLoss - smoothed);
    int k = spec.plateauSteps();
    smoothedHistory[(int) (step % (k + 1))] = smoothed;
    if (step <= k) {
      return null;
    }
    double old = smoothedHistory[(int) ((step - k) % (k + 1))];
    double improvement = old - smoothed;
    if (improvement < spec.plateauDelta()) {
      return String.format(
          "plateau: smoothed val loss improved %.5f < %.5f over %d steps" + " (step %d)",
          improvement, spec.plateauDelta(), k, step);
    }
    return null;
  }
}
