package dev.csrlab.ui;

import dev.csrlab.config.ConfigValidator;
import dev.csrlab.config.ExperimentConfig;
import dev.csrlab.config.Method;
import dev.csrlab.config.VariantSpec;
import dev.csrlab.growth.LayerWidening;
import dev.csrlab.train.CancelToken;
import dev.csrlab.train.EpochEvent;
import dev.csrlab.train.Phase;
import dev.csrlab.train.RunFinished;
import dev.csrlab.train.RunKey;
import dev.csrlab.train.RunResult;
import dev.csrlab.train.RunStarted;
import dev.csrlab.train.RunStatus;
import dev.csrlab.train.StepEvent;
import dev.csrlab.train.TrainingListener;
import dev.csrlab.train.WideningEvent;
import dev.csrlab.ui.run.ExperimentEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * A fake event source shaped like the real runner (SeedProtocol): per seed all variants start, then
 * advance in lock-step; widened variants share the small prefix (shared=true) up to N, get a
 * WideningEvent with a block-structured similarity matrix, and C shows a loss spike after N.
 */
public final class SimulatedExperiment implements ExperimentEngine {
  private final long stepNanos;
  private final LongConsumer stepHook;
  private final Path root;

  /**
   * @param stepNanos sleep per step (0 = as fast as possible)
   */
  public SimulatedExperiment(Path root, long stepNanos, LongConsumer stepHook) {
    this.root = root;
    this.stepNanos = stepNanos;
    this.stepHook = stepHook;
  }

  @Override
  public Path run(ExperimentConfig c, TrainingListener l, Consumer<String> log, CancelToken cancel)
      throws Exception {
    ConfigValidator.requireValid(c);
    Path dir = root.resolve("sim-" + c.name());
    long perEpoch = ConfigValidator.stepsPerEpoch(c);
    long total = perEpoch * c.epochs();
    long n =
        c.widening().kind().id().equals("step")
            ? c.widening().step()
            : perEpoch * c.widening().epoch();
    log.accept("simulated experiment " + dir);
    for (long seed : c.seeds()) {
      Random rnd = new Random(seed);
      for (VariantSpec v : c.variants()) {
        l.onRunStart(
            new RunStarted(
                new RunKey(v.name(), seed),
                v,
                c,
                dir.resolve(v.name() + "-seed" + seed),
                total,
                perEpoch,
                v.method().widens() ? c.widths() : c.targetWidths(),
                "cpu (simulated)"));
      }
      for (long s = 1; s <= total; s++) {
        if (cancel.isCancelled()) {
          for (VariantSpec v : c.variants()) {
            l.onRunEnd(
                new RunFinished(
                    new RunKey(v.name(), seed),
                    RunStatus.CANCELLED,
                    result(v, seed, n, "cancelled", s - 1),
                    "cancelled at step " + (s - 1)));
          }
          return dir;
        }
        int epoch = (int) ((s - 1) / perEpoch) + 1;
        for (VariantSpec v : c.variants()) {
          RunKey key = new RunKey(v.name(), seed);
          boolean widens = v.method().widens();
          double base = 2.3 * Math.exp(-s / 60.0) + 0.15;
          double spike =
              widens && s > n && v.method() == Method.CONTINUOUS
                  ? 0.8 * Math.exp(-(s - n) / 15.0)
                  : 0;
          double val = base + spike;
          double train = val + 0.1 * rnd.nextGaussian();
          Phase phase = widens && s <= n ? Phase.SMALL : Phase.WIDE;
          l.onStep(
              new StepEvent(
                  key,
                  s,
                  epoch,
                  train,
                  val,
                  1 - val / 2.5,
                  c.lr(),
                  phase,
                  Double.NaN,
                  Double.NaN,
                  widens && s <= n));
          if (widens && s == n) {
            l.onWidening(widening(key, n, c, v, rnd));
          }
          if (s % perEpoch == 0) {
            l.onEpochEnd(new EpochEvent(key, epoch, s, train, val, 1 - val / 2.5, 0.1));
          }
        }
        stepHook.accept(s);
        if (stepNanos > 0) {
          Thread.sleep(stepNanos / 1_000_000, (int) (stepNanos % 1_000_000));
        }
      }
      for (VariantSpec v : c.variants()) {
        l.onRunEnd(
            new RunFinished(
                new RunKey(v.name(), seed),
                RunStatus.COMPLETED,
                result(v, seed, n, "completed", total),
                "completed " + total + " steps"));
      }
    }
    return dir;
  }

  private static WideningEvent widening(
      RunKey key, long n, ExperimentConfig c, VariantSpec v, Random rnd) {
    List<LayerWidening> layers = new ArrayList<>();
    for (int l = 0; l < c.widths().size(); l++) {
      int w = c.widths().get(l);
      layers.add(
          v.method().resamples()
              ? seriated(l + 1, w, c.targetWidths().get(l), rnd)
              : new LayerWidening(
                  l + 1,
                  w,
                  c.targetWidths().get(l),
                  new int[0],
                  new float[0],
                  new double[0],
                  Double.NaN,
                  Double.NaN,
                  Double.NaN));
    }
    double shock = v.method() == Method.CONTINUOUS ? 0.4 : 0.001;
    return new WideningEvent(
        key,
        n,
        "step " + n,
        0.5,
        0.5 + shock,
        0.85,
        0.8,
        shock / 2,
        shock / 10,
        0.5,
        0.85,
        layers,
        new double[] {0.5, 0.5},
        null);
  }

  /** Units lie on a hidden 1-D axis, shuffled: similarity decays with distance on that axis. */
  static LayerWidening seriated(int hidden, int w, int to, Random rnd) {
    double[] pos = new double[w];
    for (int i = 0; i < w; i++) {
      pos[i] = rnd.nextDouble();
    }
    float[] s = new float[w * w];
    for (int i = 0; i < w; i++) {
      for (int j = 0; j < w; j++) {
        s[i * w + j] = (float) (i == j ? 1 : Math.cos(Math.PI * Math.abs(pos[i] - pos[j])));
      }
    }
    Integer[] idx = new Integer[w];
    for (int i = 0; i < w; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (a, b) -> Double.compare(pos[a], pos[b]));
    int[] order = Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    double[] fiedler = Arrays.stream(pos).map(p -> p - 0.5).toArray();
    return new LayerWidening(hidden, w, to, order, s, fiedler, 10, w * 0.9, 1.5);
  }

  static RunResult result(VariantSpec v, long seed, long n, String status, long steps) {
    boolean widens = v.method().widens();
    double shock = !widens ? Double.NaN : v.method() == Method.CONTINUOUS ? 0.4 : 0.001;
    return new RunResult(
        v.name(),
        v.method().id(),
        seed,
        status,
        widens ? n : -1,
        widens ? "step " + n : null,
        shock,
        shock * 1.5,
        shock * 10,
        shock / 2,
        shock / 10,
        widens ? 30 + seed : -1,
        widens,
        0.3,
        0.25,
        0.2,
        2,
        0.97 + 0.001 * seed + (v.method() == Method.CONTINUOUS ? 0.002 : 0),
        0.1,
        steps,
        1e12,
        1.0,
        List.of());
  }
}
