package dev.csrlab.stats;

import dev.csrlab.config.ExperimentConfig;
import dev.csrlab.config.Method;
import dev.csrlab.config.VariantSpec;
import dev.csrlab.train.RunResult;
import java.util.ArrayList;
import java.util.List;

/** Builds RunResults the way the runner writes them, for statistics and report tests. */
public final class RunFixtures {
  public static final long STEPS = 3910;
  public static final long WIDENING_STEP = 1173;

  private RunFixtures() {}

  /**
   * A completed run; widened methods get a widening step, scratch gets NaN widening metrics.
   *
   * @param recovery steps to recover, or −1 for "never recovered" (censored)
   * @param accuracy final test accuracy as a fraction
   */
  public static RunResult run(
      String variant, long seed, double shock, long recovery, double accuracy) {
    Method m = Method.fromId(variant.startsWith("continuous-") ? variant : baseMethod(variant));
    boolean w = m.widens();
    double nan = Double.NaN;
    return new RunResult(
        variant,
        m.id(),
        seed,
        "completed",
        w ? WIDENING_STEP : -1,
        w ? "epoch 3" : "none",
        w ? shock : nan,
        w ? shock * 1.5 : nan,
        w ? shock * 20 : nan,
        w ? 0.5 : nan,
        w ? 0.1 : nan,
        w ? recovery : -1,
        w && recovery >= 0,
        w ? 0.1 : nan,
        w ? 0.09 : nan,
        0.08,
        5,
        accuracy,
        0.07,
        STEPS,
        1.2e12,
        40.0,
        w ? List.of(new RunResult.LayerPath(1, 10, 50, 8)) : List.of());
  }

  private static String baseMethod(String variant) {
    return switch (variant) {
      case "net2net-each-once", "small-continue" -> variant;
      default ->
          variant.startsWith("net2net")
              ? "net2net"
              : variant.startsWith("continuous") ? "continuous" : "scratch";
    };
  }

  public static RunResult withStatus(RunResult r, String status) {
    return new RunResult(
        r.variant(),
        r.method(),
        r.seed(),
        status,
        r.wideningStep(),
        r.trigger(),
        r.shock(),
        r.peakShock(),
        r.excessLossArea(),
        r.functionError(),
        r.functionKl(),
        r.recoverySteps(),
        r.recovered(),
        r.valLossAtN100(),
        r.valLossAtN500(),
        r.bestValLoss(),
        r.bestValEpoch(),
        r.finalTestAccuracy(),
        r.finalTestLoss(),
        r.steps(),
        r.trainFlops(),
        r.seconds(),
        r.pathSimilarity());
  }

  /** Config with the given seeds and default-named variants (method ids). */
  public static ExperimentConfig config(List<Long> seeds, String... variants) {
    ExperimentConfig.Builder b = ExperimentConfig.defaults().toBuilder();
    b.seeds = seeds;
    List<VariantSpec> specs = new ArrayList<>();
    for (String v : variants) {
      specs.add(VariantSpec.of(Method.fromId(v)));
    }
    b.variants = specs;
    return b.build();
  }

  /**
   * A, B, C over the seeds: B's shock ≈ 0 and recovery 0 (function-preserving), C's shock {@code
   * cShock + 0.01·seed}, C's recovery {@code 40 + 5·seed}; accuracies in fractions.
   */
  public static List<RunResult> abc(
      int seeds, double cShock, double aAcc, double bAcc, double cAcc, double accJitter) {
    List<RunResult> runs = new ArrayList<>();
    for (long s = 0; s < seeds; s++) {
      double j = accJitter * ((s % 2 == 0) ? 1 : -1) * (s + 1) / seeds;
      runs.add(run("scratch", s, 0, 0, aAcc + j));
      runs.add(run("net2net", s, 1e-4 * (s + 1), 0, bAcc + 0.5 * j));
      runs.add(run("continuous", s, cShock + 0.01 * s, 40 + 5 * s, cAcc - 0.3 * j));
    }
    return runs;
  }
}
