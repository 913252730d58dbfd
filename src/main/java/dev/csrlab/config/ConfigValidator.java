package dev.csrlab.config;

import dev.csrlab.config.Options.TriggerKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Lists every problem of a configuration at once, before any training starts. */
public final class ConfigValidator {
  /** Both supported datasets have 60,000 training images. */
  public static final int TRAIN_IMAGES = 60_000;

  private ConfigValidator() {}

  /** Throws {@link ConfigException} listing every problem, or returns the config unchanged. */
  public static ExperimentConfig requireValid(ExperimentConfig c) {
    List<String> p = problems(c);
    if (!p.isEmpty()) {
      throw new ConfigException(p);
    }
    return c;
  }

  /** Number of training samples after the validation hold-out and the optional subset. */
  public static int trainSize(ExperimentConfig c) {
    int available = TRAIN_IMAGES - c.validationSize();
    return c.trainSubset() > 0 ? Math.min(c.trainSubset(), available) : available;
  }

  /** Optimizer updates per epoch (the last partial batch is kept). */
  public static long stepsPerEpoch(ExperimentConfig c) {
    return c.batchSize() <= 0 ? 0 : (trainSize(c) + c.batchSize() - 1) / c.batchSize();
  }

  public static List<String> problems(ExperimentConfig c) {
    List<String> p = new ArrayList<>();
    if (c.schemaVersion() > ExperimentConfig.SCHEMA_VERSION) {
      p.add(
          "schemaVersion "
              + c.schemaVersion()
              + " is newer than this lab understands ("
              + ExperimentConfig.SCHEMA_VERSION
              + "); update CSR Lab to open it");
    }
    if (c.name() == null || !c.name().matches("[A-Za-z0-9._-]{1,64}")) {
      p.add(
          "name '"
              + c.name()
              + "' must be 1-64 letters, digits, '.', '_' or '-'"
              + " (it becomes part of a directory name)");
    }
    if (!"mnist".equals(c.dataset()) && !"fashion-mnist".equals(c.dataset())) {
      p.add("dataset '" + c.dataset() + "' is unknown; use mnist or fashion-mnist");
    }
    checkWidths(c, p);
    if (c.validationSize() < 1 || c.validationSize() >= TRAIN_IMAGES) {
      p.add("validationSize " + c.validationSize() + " must be in 1.." + (TRAIN_IMAGES - 1));
    }
    if (c.trainSubset() < 0) {
      p.add("trainSubset " + c.trainSubset() + " must be ≥ 0 (0 = the whole training split)");
    }
    if (c.valSubset() < 1 || c.valSubset() > c.validationSize()) {
      p.add(
          "valSubset "
              + c.valSubset()
              + " must be in 1..validationSize ("
              + c.validationSize()
              + ")");
    }
    if (c.batchSize() < 1) {
      p.add("batchSize " + c.batchSize() + " must be ≥ 1");
    } else if (c.batchSize() > trainSize(c)) {
      p.add(
          "batchSize "
              + c.batchSize()
              + " is larger than the training set ("
              + trainSize(c)
              + " samples); lower it or use more training data");
    }
    if (!(c.lr() > 0) || Double.isInfinite(c.lr())) {
      p.add("lr " + c.lr() + " must be a positive number");
    }
    if (!(c.weightDecay() >= 0) || Double.isInfinite(c.weightDecay())) {
      p.add("weightDecay " + c.weightDecay() + " must be ≥ 0");
    }
    if (!(c.beta1() >= 0 && c.beta1() < 1) || !(c.beta2() >= 0 && c.beta2() < 1)) {
      p.add("beta1/beta2 (" + c.beta1() + ", " + c.beta2() + ") must be in [0, 1)");
    }
    if (!(c.eps() > 0)) {
      p.add("eps " + c.eps() + " must be > 0");
    }
    if (c.epochs() < 2) {
      p.add("epochs " + c.epochs() + " must be ≥ 2 (widening needs an epoch before and after)");
    }
    checkTrigger(c, p);
    checkSeedsAndVariants(c, p);
    if (c.peakWindow() < 1) {
      p.add("peakWindow " + c.peakWindow() + " must be ≥ 1");
    }
    if (c.fullValWindow() < 0) {
      p.add("fullValWindow " + c.fullValWindow() + " must be ≥ 0");
    }
    if (!List.of("auto", "cpu", "gpu").contains(c.device())) {
      p.add("device '" + c.device() + "' is unknown; use auto, cpu or gpu");
    }
    if (c.threads() < 0) {
      p.add("threads " + c.threads() + " must be ≥ 0 (0 = all cores)");
    }
    if (c.out() == null || c.out().isBlank()) {
      p.add("out must name an output directory");
    }
    if (!(c.nonInferiorityMargin() >= 0)) {
      p.add(
          "nonInferiorityMargin " + c.nonInferiorityMargin() + " must be ≥ 0 (percentage points)");
    }
    return p;
  }

  private static void checkWidths(ExperimentConfig c, List<String> p) {
    if (c.widths() == null || c.widths().isEmpty()) {
      p.add("widths must list at least one hidden layer, e.g. 128,128");
      return;
    }
    if (c.targetWidths() == null || c.targetWidths().size() != c.widths().size()) {
      p.add(
          "targetWidths "
              + c.targetWidths()
              + " must have one entry per hidden layer of widths "
              + c.widths());
      return;
    }
    for (int i = 0; i < c.widths().size(); i++) {
      int n = c.widths().get(i);
      int m = c.targetWidths().get(i);
      if (n < 1) {
        p.add("widths[" + i + "] = " + n + " must be ≥ 1");
      }
      if (m < 1) {
        p.add("targetWidths[" + i + "] = " + m + " must be ≥ 1");
      } else if (m < n) {
        p.add(
            "targetWidths["
                + i
                + "] = "
                + m
                + " is smaller than the source width "
                + n
                + "; widening can only grow a layer (use a target ≥ "
                + n
                + ")");
      }
    }
    boolean eachOnce =
        c.variants() != null
            && c.variants().stream().anyMatch(v -> v.method() == Method.NET2NET_EACH_ONCE);
    if (eachOnce) {
      for (int i = 0; i < c.widths().size(); i++) {
        if (c.targetWidths().get(i) > 2 * c.widths().get(i)) {
          p.add(
              "net2net-each-once needs target ≤ 2× source, but layer "
                  + (i + 1)
                  + " goes "
                  + c.widths().get(i)
                  + "→"
                  + c.targetWidths().get(i)
                  + "; use net2net instead");
        }
      }
    }
  }

  private static void checkTrigger(ExperimentConfig c, List<String> p) {
    TriggerSpec t = c.widening();
    if (t == null || t.kind() == null) {
      p.add("widening trigger is missing; e.g. {\"kind\":\"epoch\",\"epoch\":3}");
      return;
    }
    long total = stepsPerEpoch(c) * Math.max(c.epochs(), 0);
    if (t.kind() == TriggerKind.EPOCH) {
      if (t.epoch() < 1 || t.epoch() > c.epochs() - 1) {
        p.add(
            "widening after epoch "
                + t.epoch()
                + " is outside 1 ≤ T ≤ E−1 = "
                + (c.epochs() - 1)
                + "; the wide model needs at least one epoch to train");
      }
    } else if (t.kind() == TriggerKind.STEP) {
      if (t.step() < 1 || t.step() >= total) {
        p.add(
            "widening at step "
                + t.step()
                + " is outside 1 ≤ N < "
                + total
                + " (total optimizer steps of the run)");
      }
    } else {
      if (t.latestStep() < 0 || t.latestStep() >= total) {
        p.add(
            "latestStep "
                + t.latestStep()
                + " must be in 0.."
                + (total - 1)
                + " (0 = after epoch E−1)");
      }
      if (t.kind() == TriggerKind.THRESHOLD && !(t.threshold() > 0)) {
        p.add("threshold " + t.threshold() + " must be a positive validation loss");
      }
      if (t.kind() == TriggerKind.PLATEAU && (t.plateauSteps() < 1 || !(t.plateauDelta() >= 0))) {
        p.add("plateau needs plateauSteps ≥ 1 and plateauDelta ≥ 0");
      }
    }
  }

  private static void checkSeedsAndVariants(ExperimentConfig c, List<String> p) {
    if (c.seeds() == null || c.seeds().isEmpty()) {
      p.add("seeds must list at least one seed, e.g. 0 or 0-4");
    } else if (new HashSet<>(c.seeds()).size() != c.seeds().size()) {
      p.add("seeds " + c.seeds() + " contain duplicates");
    }
    if (c.variants() == null || c.variants().isEmpty()) {
      p.add("variants must list at least one protocol, e.g. A,B,C");
      return;
    }
    Set<String> names = new HashSet<>();
    for (VariantSpec v : c.variants()) {
      if (v.name() == null || !v.name().matches("[A-Za-z0-9._-]{1,64}")) {
        p.add("variant name '" + v.name() + "' must be 1-64 letters, digits, '.', '_' or '-'");
      } else if (!names.add(v.name())) {
        p.add("variant name '" + v.name() + "' is used twice; give each variant its own name");
      }
      if (!(v.noise() >= 0) || Double.isInfinite(v.noise())) {
        p.add("variant " + v.name() + ": noise " + v.noise() + " must be ≥ 0");
      }
    }
  }
}
