package dev.csrlab.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import dev.csrlab.config.ExperimentConfig;
import dev.csrlab.config.Options.Affinity;
import dev.csrlab.growth.Seriation;
import dev.csrlab.growth.UnitFeatures;
import dev.csrlab.nn.Initialisation;
import dev.csrlab.nn.MlpWeights;
import dev.csrlab.train.BatchOrder;
import dev.csrlab.train.DeviceData;
import dev.csrlab.train.TensorSplit;
import dev.csrlab.train.TrainingSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The measurements behind docs/PERFORMANCE.md: training-step throughput, the cost of per-step
 * validation, Fiedler-vector time at growing widths, and peak memory. Timings are printed and
 * reported, never asserted (speed is not a test).
 */
public final class Benchmarks {
  private static final int FEATURES = 784;

  private Benchmarks() {}

  /** Throughput of one width: training steps alone, and with the per-step subset validation. */
  public record Throughput(int width, double trainStepsPerSecond,
      double stepsWithValidationPerSecond, double validationMillis, double trainStepMillis) {}

  /** Fiedler-vector time of one size and solver ({@code NaN} when skipped as too slow). */
  public record SeriationTime(int units, String solver, String affinity, double seconds) {}

  /**
   * Steps/s of the lab's training step on synthetic MNIST-shaped data preloaded on {@code
   * device} (batch 128, two hidden layers of {@code width}).
   */
  public static Throughput throughput(Device device, int width, int steps, int valSubset) {
    int n = 50_000;
    SplittableRandom r = new SplittableRandom(7);
    float[] x = new float[n * FEATURES];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextGaussian();
    }
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = r.nextInt(10);
    }
    ExperimentConfig c = ExperimentConfig.defaults();
    try (NDManager m = NDManager.newBaseManager(device)) {
      TensorSplit train = TensorSplit.upload(m, x, y, FEATURES);
      TensorSplit val = TensorSplit.upload(m, java.util.Arrays.copyOf(x, valSubset * FEATURES),
          java.util.Arrays.copyOf(y, valSubset), FEATURES);
      DeviceData d = new DeviceData(m, train, val, val, val, FEATURES, 10);
      MlpWeights w = Initialisation.pytorchDefault(FEATURES, List.of(width, width), 10,
          new SplittableRandom(1));
      long spe = (n + c.batchSize() - 1L) / c.batchSize();
      try (TrainingSession s = new TrainingSession(d, c, w, null, 0)) {
        BatchOrder order = new BatchOrder(0, n);
        for (int i = 0; i < Math.max(20, steps / 10); i++) {
          s.trainStepOnly(d, order, spe);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < steps; i++) {
          s.trainStepOnly(d, order, spe);
        }
        double trainOnly = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        for (int i = 0; i < steps; i++) {
          s.trainStep(d, order, spe);
        }
        double withVal = (System.nanoTime() - t0) / 1e9;
        return new Throughput(width, steps / trainOnly, steps / withVal,
            1000 * (withVal - trainOnly) / steps, 1000 * trainOnly / steps);
      }
    }
  }

  /** Seconds to find the Fiedler order of n random units (feature dimension 785). */
  public static SeriationTime seriation(int n, Seriation.Solver solver, Affinity affinity) {
    int d = 785;
    SplittableRandom r = new SplittableRandom(n);
    double[] rows = new double[n * d];
    // Units on a noisy 1-D manifold (a smooth curve in feature space), like trained layers.
    for (int i = 0; i < n; i++) {
      double t = r.nextDouble();
      for (int k = 0; k < d; k++) {
        rows[i * d + k] = Math.sin(3 * t * (1 + k % 7) + k) + 0.3 * r.nextGaussian();
      }
    }
    UnitFeatures f = UnitFeatures.ofRows(rows, n, d);
    long t0 = System.nanoTime();
    Seriation.fiedler(f, affinity, solver);
    return new SeriationTime(n, solver.name().toLowerCase(java.util.Locale.ROOT),
        affinity.id(), (System.nanoTime() - t0) / 1e9);
  }

  /** Peak resident set size of this process in MiB (Linux VmHWM), or NaN elsewhere. */
  public static double peakRssMiB() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return Double.NaN;
    }
    return Double.NaN;
  }
}
