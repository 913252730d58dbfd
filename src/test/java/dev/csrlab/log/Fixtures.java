package dev.csrlab.log;

import dev.csrlab.config.ExperimentConfig;
import dev.csrlab.config.Method;
import dev.csrlab.config.VariantSpec;
import dev.csrlab.growth.LayerWidening;
import dev.csrlab.train.EpochEvent;
import dev.csrlab.train.MetricEvent;
import dev.csrlab.train.Phase;
import dev.csrlab.train.RunFinished;
import dev.csrlab.train.RunKey;
import dev.csrlab.train.RunResult;
import dev.csrlab.train.RunStarted;
import dev.csrlab.train.RunStatus;
import dev.csrlab.train.StepEvent;
import dev.csrlab.train.WideningEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/** Synthetic training events for the logging tests. */
public final class Fixtures {
  public static final RunKey KEY = new RunKey("continuous", 0);

  private Fixtures() {}

  public static RunStarted runStarted(RunKey key, Path runDir, long stepsPerEpoch, int epochs) {
    ExperimentConfig.Builder b = ExperimentConfig.defaults().toBuilder();
    b.epochs = epochs;
    ExperimentConfig config = b.build();
    VariantSpec variant =
        VariantSpec.of(
                Method.fromId(key.variant().startsWith("net2net") ? "net2net" : "continuous"))
            .withName(key.variant());
    return new RunStarted(
        key,
        variant,
        config,
        runDir,
        stepsPerEpoch * epochs,
        stepsPerEpoch,
        List.of(128, 128),
        "cpu()");
  }

  /** A step with recognisable values: loss 1/step, val loss 2/step, acc 1 − 1/step. */
  public static StepEvent step(RunKey key, long step, int epoch, boolean shared) {
    return new StepEvent(
        key,
        step,
        epoch,
        1.0 / step,
        2.0 / step,
        1 - 1.0 / step,
        1e-3,
        shared ? Phase.SMALL : Phase.WIDE,
        Double.NaN,
        Double.NaN,
        shared);
  }

  public static StepEvent stepWithFullVal(RunKey key, long step, int epoch) {
    return new StepEvent(
        key,
        step,
        epoch,
        1.0 / step,
        2.0 / step,
        1 - 1.0 / step,
        1e-3,
        Phase.WIDE,
        3.0 / step,
        1 - 3.0 / step / 10,
        false);
  }

  public static EpochEvent epoch(RunKey key, int epoch, long step) {
    return new EpochEvent(key, epoch, step, 0.5 / epoch, 0.4 / epoch, 0.9 + 0.01 * epoch, 1.5);
  }

  public static WideningEvent widening(RunKey key, long step, int n) {
    List<LayerWidening> layers = List.of(layer(1, n, 1), layer(2, n, 2));
    return new WideningEvent(
        key,
        step,
        "epoch 3",
        0.30,
        0.45,
        0.92,
        0.88,
        0.25,
        0.0125,
        0.31,
        0.91,
        layers,
        new double[] {0.5, 0.5},
        null);
  }

  /** A layer whose similarity is a banded matrix seen through a random permutation. */
  public static LayerWidening layer(int hidden, int n, long seed) {
    int[] perm = shuffled(n, seed);
    float[] s = new float[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        // Units perm[i] and perm[j] sit at positions i and j of a smooth 1-D chain.
        s[perm[i] * n + perm[j]] = (float) Math.cos(Math.PI * Math.abs(i - j) / n);
      }
    }
    double[] fiedler = new double[n];
    for (int i = 0; i < n; i++) {
      fiedler[perm[i]] = i - n / 2.0;
    }
    return new LayerWidening(
        hidden, n, 2 * n, perm, s, fiedler, 10.0 * hidden, 50.0 * hidden, 2.0 * hidden);
  }

  public static int[] shuffled(int n, long seed) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    Random r = new Random(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  public static MetricEvent metric(RunKey key, String tag, long step, double value) {
    return new MetricEvent(key, tag, step, value);
  }

  public static RunFinished finished(RunKey key, RunStatus status, long steps) {
    RunResult r =
        new RunResult(
            key.variant(),
            "continuous",
            key.seed(),
            status.id(),
            3,
            "epoch 3",
            0.15,
            0.2,
            1.5,
            0.25,
            0.0125,
            7,
            true,
            0.3,
            0.29,
            0.28,
            4,
            0.9812,
            0.0654,
            steps,
            1e12,
            12.5,
            List.of(new RunResult.LayerPath(1, 10, 50, 2)));
    return new RunFinished(key, status, r, status == RunStatus.COMPLETED ? null : "loss NaN");
  }
}
