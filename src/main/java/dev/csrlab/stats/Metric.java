package dev.csrlab.stats;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.csrlab.config.Method;
import dev.csrlab.train.RunResult;
import java.util.function.ToDoubleFunction;

/**
 * The per-run numbers compared across variants (SPEC §2 and summary.json keys). Test accuracy is
 * reported in percentage points (RunResult holds a fraction) so that it and the non-inferiority
 * margin share one unit. Recovery steps of a run that never recovered are censored at the steps
 * remaining after widening (a lower bound of the true time; see {@link #isCensored}).
 */
public enum Metric {
  SHOCK("shock", "loss", true, RunResult::shock),
  PEAK_SHOCK("peak_shock", "loss", true, RunResult::peakShock),
  EXCESS_LOSS_AREA("excess_loss_area", "loss·steps", true, RunResult::excessLossArea),
  FUNCTION_ERROR("function_error", "logit", true, RunResult::functionError),
  FUNCTION_KL("function_kl", "nats", true, RunResult::functionKl),
  RECOVERY_STEPS("recovery_steps", "steps", true, Metric::recoveryOrCensored),
  FINAL_TEST_ACCURACY("final_test_accuracy", "%", false, r -> 100.0 * r.finalTestAccuracy()),
  FINAL_TEST_LOSS("final_test_loss", "loss", false, RunResult::finalTestLoss),
  BEST_VAL_LOSS("best_val_loss", "loss", false, RunResult::bestValLoss),
  VAL_LOSS_AT_N100("val_loss_at_n100", "loss", true, RunResult::valLossAtN100),
  VAL_LOSS_AT_N500("val_loss_at_n500", "loss", true, RunResult::valLossAtN500);

  private final String key;
  private final String unit;
  private final boolean widenedOnly;
  private final ToDoubleFunction<RunResult> extractor;

  Metric(String key, String unit, boolean widenedOnly, ToDoubleFunction<RunResult> extractor) {
    this.key = key;
    this.unit = unit;
    this.widenedOnly = widenedOnly;
    this.extractor = extractor;
  }

  @JsonValue
  public String key() {
    return key;
  }

  public String unit() {
    return unit;
  }

  /**
   * The run's value, NaN when absent or not applicable: the widening metrics of a variant that
   * never widens (scratch, small-continue) are NaN even if a writer filled in a placeholder.
   */
  public double value(RunResult r) {
    if (widenedOnly && !widens(r)) {
      return Double.NaN;
    }
    double v = extractor.applyAsDouble(r);
    return Double.isFinite(v) ? v : Double.NaN;
  }

  /** True for a widened run that never recovered: its recovery value is a censoring time. */
  public static boolean isCensored(RunResult r) {
    return widens(r) && !r.recovered();
  }

  /** Whether the run widened: by its method id, else by a recorded widening step. */
  public static boolean widens(RunResult r) {
    try {
      return Method.fromId(r.method()).widens();
    } catch (IllegalArgumentException | NullPointerException e) {
      return r.wideningStep() >= 0;
    }
  }

  private static double recoveryOrCensored(RunResult r) {
    if (r.recovered()) {
      return r.recoverySteps() >= 0 ? r.recoverySteps() : Double.NaN;
    }
    if (r.steps() > 0 && r.wideningStep() >= 0 && r.steps() >= r.wideningStep()) {
      return r.steps() - r.wideningStep();
    }
    return Double.NaN;
  }
}
