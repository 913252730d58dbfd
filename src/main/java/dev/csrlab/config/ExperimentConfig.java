package dev.csrlab.config;

import dev.csrlab.config.Options.Activation;
import java.util.List;

/**
 * The one immutable configuration shared by the window, the CLI and saved runs (SPEC §5). It
 * serialises to JSON with {@link ConfigJson}; {@link ConfigValidator} lists every problem at once.
 *
 * @param trainSubset first N samples of the training split (0 = all of it), for quick looks
 * @param validationSize held-out tail of the 60k training images used as "Val" (SPEC §1 Decision)
 * @param valSubset per-step validation subset size: first N of the validation split (SPEC §2)
 * @param peakWindow P of SPEC §2: steps after widening over which peak shock and area are taken
 * @param fullValWindow log full-split validation every step for ±W steps around widening
 * @param threads PyTorch intra-op threads (0 = all cores)
 * @param device {@code auto}, {@code cpu} or {@code gpu}
 * @param dataDir where datasets are cached/looked up ({@code null} = the user cache)
 * @param out parent directory of experiment directories
 * @param nonInferiorityMargin margin, in percentage points of test accuracy, for "C ≥ A/B"
 */
public record ExperimentConfig(
    int schemaVersion,
    String name,
    String dataset,
    String dataDir,
    int trainSubset,
    int validationSize,
    int valSubset,
    List<Integer> widths,
    List<Integer> targetWidths,
    Activation activation,
    int batchSize,
    double lr,
    double weightDecay,
    double beta1,
    double beta2,
    double eps,
    int epochs,
    TriggerSpec widening,
    List<Long> seeds,
    List<VariantSpec> variants,
    int peakWindow,
    int fullValWindow,
    String device,
    int threads,
    String out,
    boolean saveCheckpoints,
    double nonInferiorityMargin) {

  public static final int SCHEMA_VERSION = 1;

  public ExperimentConfig {
    widths = List.copyOf(widths);
    targetWidths = List.copyOf(targetWidths);
    seeds = List.copyOf(seeds);
    variants = List.copyOf(variants);
  }

  /** SPEC §5 defaults: 128,128 → 256,256, batch 128, lr 1e-3, wd 0.01, E=10, T=3, A/B/C. */
  public static ExperimentConfig defaults() {
    return new ExperimentConfig(
        SCHEMA_VERSION,
        "default",
        "mnist",
        null,
        0,
        10_000,
        1024,
        List.of(128, 128),
        List.of(256, 256),
        Activation.RELU,
        128,
        1e-3,
        0.01,
        0.9,
        0.999,
        1e-8,
        10,
        TriggerSpec.afterEpoch(3),
        List.of(0L),
        List.of(
            VariantSpec.of(Method.SCRATCH),
            VariantSpec.of(Method.NET2NET),
            VariantSpec.of(Method.CONTINUOUS)),
        100,
        0,
        "auto",
        0,
        "runs",
        false,
        0.1);
  }

  /** Builder seeded with this config, for overrides (CLI flags, GUI edits, tests). */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Mutable copy used to derive a new immutable config. */
  public static final class Builder {
    public int schemaVersion;
    public String name;
    public String dataset;
    public String dataDir;
    public int trainSubset;
    public int validationSize;
    public int valSubset;
    public List<Integer> widths;
    public List<Integer> targetWidths;
    public Activation activation;
    public int batchSize;
    public double lr;
    public double weightDecay;
    public double beta1;
    public double beta2;
    public double eps;
    public int epochs;
    public TriggerSpec widening;
    public List<Long> seeds;
    public List<VariantSpec> variants;
    public int peakWindow;
    public int fullValWindow;
    public String device;
    public int threads;
    public String out;
    public boolean saveCheckpoints;
    public double nonInferiorityMargin;

    Builder(ExperimentConfig c) {
      schemaVersion = c.schemaVersion;
      name = c.name;
      dataset = c.dataset;
      dataDir = c.dataDir;
      trainSubset = c.trainSubset;
      validationSize = c.validationSize;
      valSubset = c.valSubset;
      widths = c.widths;
      targetWidths = c.targetWidths;
      activation = c.activation;
      batchSize = c.batchSize;
      lr = c.lr;
      weightDecay = c.weightDecay;
      beta1 = c.beta1;
      beta2 = c.beta2;
      eps = c.eps;
      epochs = c.epochs;
      widening = c.widening;
      seeds = c.seeds;
      variants = c.variants;
      peakWindow = c.peakWindow;
      fullValWindow = c.fullValWindow;
      device = c.device;
      threads = c.threads;
      out = c.out;
      saveCheckpoints = c.saveCheckpoints;
      nonInferiorityMargin = c.nonInferiorityMargin;
    }

    public ExperimentConfig build() {
      return new ExperimentConfig(
          schemaVersion,
          name,
          dataset,
          dataDir,
          trainSubset,
          validationSize,
          valSubset,
          widths,
          targetWidths,
          activation,
          batchSize,
          lr,
          weightDecay,
          beta1,
          beta2,
          eps,
          epochs,
          widening,
          seeds,
          variants,
          peakWindow,
          fullValWindow,
          device,
          threads,
          out,
          saveCheckpoints,
          nonInferiorityMargin);
    }
  }
}
