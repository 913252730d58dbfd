package dev.csrlab.ui.config;

import static dev.csrlab.ui.config.Values.integer;
import static dev.csrlab.ui.config.Values.longValue;
import static dev.csrlab.ui.config.Values.number;
import static dev.csrlab.ui.config.Values.show;

import dev.csrlab.config.ExperimentConfig;
import dev.csrlab.config.ExperimentConfig.Builder;
import dev.csrlab.config.Method;
import dev.csrlab.config.Options;
import dev.csrlab.config.Options.HasId;
import dev.csrlab.config.TriggerSpec;
import dev.csrlab.config.VariantSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** The settings of the Configure form, grouped as in SPEC §5. */
final class ConfigFields {
  static final List<String> CATEGORIES = List.of("Data", "Model", "Optimizer", "Widening",
      "Protocols & seeds", "Logging", "Device");

  private ConfigFields() {}

  static List<ConfigField> all() {
    List<ConfigField> all = new ArrayList<>();
    all.addAll(dataAndModel());
    all.addAll(optimizer());
    all.addAll(trigger());
    all.addAll(variantOptions());
    all.addAll(protocolsLoggingDevice());
    return all;
  }

  private static List<ConfigField> dataAndModel() {
    return List.of(
        new ConfigField("dataset", "Data", "Dataset", "MNIST or Fashion-MNIST (same format)",
            String.class, List.of("mnist", "fashion-mnist"), ExperimentConfig::dataset,
            (b, v) -> b.dataset = v.toString().trim(), List.of("dataset"), false),
        text("dataDir", "Data", "Data folder", "Where datasets are cached (empty = user cache)",
            c -> c.dataDir() == null ? "" : c.dataDir(),
            (b, v) -> b.dataDir = v.toString().isBlank() ? null : v.toString().trim()),
        text("trainSubset", "Data", "Training subset", "First N training samples (0 = all)",
            c -> String.valueOf(c.trainSubset()),
            (b, v) -> b.trainSubset = integer("trainSubset", v), "trainSubset"),
        text("validationSize", "Data", "Validation size",
            "Held-out tail of the 60k training images",
            c -> String.valueOf(c.validationSize()),
            (b, v) -> b.validationSize = integer("validationSize", v), "validationSize"),
        text("valSubset", "Data", "Per-step validation subset", "First N validation samples",
            c -> String.valueOf(c.valSubset()),
            (b, v) -> b.valSubset = integer("valSubset", v), "valSubset"),
        text("widths", "Model", "Hidden widths", "Small model, e.g. 128,128",
            c -> Values.join(c.widths()), (b, v) -> b.widths = Values.intList("widths", v),
            "widths"),
        text("targetWidths", "Model", "Target widths", "After widening, e.g. 256,256",
            c -> Values.join(c.targetWidths()),
            (b, v) -> b.targetWidths = Values.intList("targetWidths", v), "targetWidths",
            "net2net-each-once needs"),
        choice("activation", "Model", "Activation", "Hidden non-linearity",
            Options.Activation.class, c -> c.activation().id(),
            (b, v) -> b.activation = Options.Activation.of(v.toString())));
  }

  private static List<ConfigField> optimizer() {
    return List.of(
        text("batchSize", "Optimizer", "Batch size", "Samples per update (last partial batch kept)",
            c -> String.valueOf(c.batchSize()), (b, v) -> b.batchSize = integer("batchSize", v),
            "batchSize"),
        text("lr", "Optimizer", "Learning rate", "AdamW learning rate", c -> show(c.lr()),
            (b, v) -> b.lr = number("lr", v), "lr "),
        text("weightDecay", "Optimizer", "Weight decay", "AdamW decoupled weight decay",
            c -> show(c.weightDecay()), (b, v) -> b.weightDecay = number("weightDecay", v),
            "weightDecay"),
        text("beta1", "Optimizer", "β1", "AdamW first-moment decay", c -> show(c.beta1()),
            (b, v) -> b.beta1 = number("beta1", v), "beta1"),
        text("beta2", "Optimizer", "β2", "AdamW second-moment decay", c -> show(c.beta2()),
            (b, v) -> b.beta2 = number("beta2", v), "beta1/beta2"),
        text("eps", "Optimizer", "ε", "AdamW epsilon", c -> show(c.eps()),
            (b, v) -> b.eps = number("eps", v), "eps "),
        text("epochs", "Optimizer", "Epochs (E)", "Total epochs of every protocol (≥ 2)",
            c -> String.valueOf(c.epochs()), (b, v) -> b.epochs = integer("epochs", v), "epochs"));
  }

  private static List<ConfigField> trigger() {
    return List.of(
        choice("trigger", "Widening", "Trigger", "When to widen (SPEC §1.4)",
            Options.TriggerKind.class, c -> c.widening().kind().id(),
            trigger(v -> t -> new TriggerSpec(Options.TriggerKind.of(v.toString()), t.epoch(),
                t.step(), t.threshold(), t.plateauDelta(), t.plateauSteps(), t.latestStep())),
            "widening trigger"),
        text("triggerEpoch", "Widening", "After epoch (T)", "Trigger 'epoch': 1 ≤ T ≤ E−1",
            c -> String.valueOf(c.widening().epoch()),
            trigger(v -> t -> new TriggerSpec(t.kind(), integer("epoch T", v), t.step(),
                t.threshold(), t.plateauDelta(), t.plateauSteps(), t.latestStep())),
            "widening after epoch"),
        text("triggerStep", "Widening", "At step (N)", "Trigger 'step': after update N",
            c -> String.valueOf(c.widening().step()),
            trigger(v -> t -> new TriggerSpec(t.kind(), t.epoch(), longValue("step N", v),
                t.threshold(), t.plateauDelta(), t.plateauSteps(), t.latestStep())),
            "widening at step"),
        text("threshold", "Widening", "Loss threshold", "Trigger 'threshold': val loss below this",
            c -> show(c.widening().threshold()),
            trigger(v -> t -> new TriggerSpec(t.kind(), t.epoch(), t.step(),
                number("threshold", v), t.plateauDelta(), t.plateauSteps(), t.latestStep())),
            "threshold"),
        text("plateauDelta", "Widening", "Plateau δ", "Trigger 'plateau': improvement below δ",
            c -> show(c.widening().plateauDelta()),
            trigger(v -> t -> new TriggerSpec(t.kind(), t.epoch(), t.step(), t.threshold(),
                number("plateauDelta", v), t.plateauSteps(), t.latestStep())), "plateau"),
        text("plateauSteps", "Widening", "Plateau K steps", "Trigger 'plateau': over K steps",
            c -> String.valueOf(c.widening().plateauSteps()),
            trigger(v -> t -> new TriggerSpec(t.kind(), t.epoch(), t.step(), t.threshold(),
                t.plateauDelta(), integer("plateauSteps", v), t.latestStep())), "plateau"),
        text("latestStep", "Widening", "Latest step", "Fallback for data-driven triggers (0 = E−1)",
            c -> String.valueOf(c.widening().latestStep()),
            trigger(v -> t -> new TriggerSpec(t.kind(), t.epoch(), t.step(), t.threshold(),
                t.plateauDelta(), t.plateauSteps(), longValue("latestStep", v))), "latestStep"));
  }

  private static List<ConfigField> variantOptions() {
    return List.of(
        option("ordering", "Ordering (continuous)", "Unit order before resampling",
            Options.Ordering.class, m -> m == Method.CONTINUOUS, VariantSpec::ordering,
            (s, v) -> s.withOrdering(Options.Ordering.of(v))),
        option("affinity", "Affinity", "Cosine → graph weights (SPEC §1.2)",
            Options.Affinity.class, Method::resamples, VariantSpec::affinity,
            (s, v) -> s.withAffinity(Options.Affinity.of(v))),
        option("features", "Unit features", "Vector describing a unit for seriation",
            Options.Features.class, Method::resamples, VariantSpec::features,
            (s, v) -> new VariantSpec(s.name(), s.method(), s.affinity(),
                Options.Features.of(v), s.ordering(), s.kernel(), s.energy(), s.optimizerState(),
                s.noise())),
        option("kernel", "Kernel", "Interpolation along the sorted axis", Options.Kernel.class,
            Method::resamples, VariantSpec::kernel, (s, v) -> s.withKernel(Options.Kernel.of(v))),
        option("energy", "Energy", "Outgoing-weight correction (SPEC §1.2 step 3)",
            Options.Energy.class, Method::resamples, VariantSpec::energy,
            (s, v) -> s.withEnergy(Options.Energy.of(v))),
        option("optimizerState", "Optimizer state", "AdamW moments across widening (SPEC §1.3)",
            Options.OptimizerPolicy.class, Method::widens, VariantSpec::optimizerState,
            (s, v) -> s.withOptimizerState(Options.OptimizerPolicy.of(v))),
        new ConfigField("noise", "Widening", "Net2Net noise",
            "Symmetry-breaking noise × weight std",
            String.class, null, c -> variantValue(c, ConfigFields::isNet2Net,
                s -> show(s.noise()), show(VariantSpec.DEFAULT_NOISE)),
            (b, v) -> mapVariants(b, ConfigFields::isNet2Net,
                s -> s.withNoise(number("noise", v))), List.of("noise"), false));
  }

  private static List<ConfigField> protocolsLoggingDevice() {
    return List.of(
        new ConfigField("variants", "Protocols & seeds", "Variants",
            "A,B,C or method ids: " + Method.knownIds(), String.class, null,
            c -> Values.variantText(c.variants()),
            (b, v) -> b.variants = Values.variants(v, b.variants), List.of("variant"), true),
        text("seeds", "Protocols & seeds", "Seeds", "e.g. 0 or 0-4 (paired across variants)",
            c -> Values.seedText(c.seeds()), (b, v) -> b.seeds = Values.seeds(v), "seeds"),
        text("margin", "Protocols & seeds", "Non-inferiority margin (pp)",
            "Test-accuracy margin for 'C ≥ A, B'", c -> show(c.nonInferiorityMargin()),
            (b, v) -> b.nonInferiorityMargin = number("margin", v), "nonInferiorityMargin"),
        text("name", "Logging", "Experiment name", "Part of the run directory name",
            ExperimentConfig::name, (b, v) -> b.name = v.toString().trim(), "name '"),
        text("out", "Logging", "Output folder", "Parent of experiment directories",
            ExperimentConfig::out, (b, v) -> b.out = v.toString().trim(), "out "),
        text("peakWindow", "Logging", "Peak window (P)", "Steps after N for peak shock/area",
            c -> String.valueOf(c.peakWindow()), (b, v) -> b.peakWindow = integer("peakWindow", v),
            "peakWindow"),
        text("fullValWindow", "Logging", "Full-val window (±W)",
            "Full validation every step within ±W of N", c -> String.valueOf(c.fullValWindow()),
            (b, v) -> b.fullValWindow = integer("fullValWindow", v), "fullValWindow"),
        new ConfigField("saveCheckpoints", "Logging", "Save checkpoints", "Weights at N and end",
            Boolean.class, null, ExperimentConfig::saveCheckpoints,
            (b, v) -> b.saveCheckpoints = (Boolean) v, List.of(), false),
        new ConfigField("device", "Device", "Device", "auto picks a GPU when present",
            String.class, List.of("auto", "cpu", "gpu"), ExperimentConfig::device,
            (b, v) -> b.device = v.toString(), List.of("device"), false),
        text("threads", "Device", "Threads", "PyTorch intra-op threads (0 = all cores)",
            c -> String.valueOf(c.threads()), (b, v) -> b.threads = integer("threads", v),
            "threads"));
  }

  private static ConfigField text(String key, String cat, String name, String desc,
      Function<ExperimentConfig, Object> read, ConfigField.Applier apply, String... prefixes) {
    return new ConfigField(key, cat, name, desc, String.class, null, read, apply,
        List.of(prefixes), false);
  }

  private static <E extends Enum<E> & HasId> ConfigField choice(String key, String cat,
      String name, String desc, Class<E> type, Function<ExperimentConfig, Object> read,
      ConfigField.Applier apply, String... prefixes) {
    return new ConfigField(key, cat, name, desc, String.class, ids(type), read, apply,
        List.of(prefixes), false);
  }

  private static <E extends Enum<E> & HasId> List<String> ids(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(HasId::id).toList();
  }

  private static ConfigField.Applier trigger(Function<Object, UnaryOperator<TriggerSpec>> f) {
    return (b, v) -> b.widening = f.apply(v).apply(b.widening);
  }

  /** A variant option, shown from and applied to every variant whose method uses it. */
  private static <E extends Enum<E> & HasId> ConfigField option(String key, String name,
      String desc, Class<E> type, Predicate<Method> appliesTo,
      Function<VariantSpec, HasId> read, java.util.function.BiFunction<VariantSpec, String,
      VariantSpec> with) {
    Predicate<VariantSpec> p = s -> appliesTo.test(s.method());
    return new ConfigField(key, "Widening", name, desc + " (all variants that use it)",
        String.class, ids(type),
        c -> variantValue(c, p, s -> read.apply(s).id(),
            read.apply(VariantSpec.of(Method.CONTINUOUS)).id()),
        (b, v) -> mapVariants(b, p, s -> with.apply(s, v.toString())), List.of(), false);
  }

  private static boolean isNet2Net(VariantSpec s) {
    return s.method() == Method.NET2NET || s.method() == Method.NET2NET_EACH_ONCE;
  }

  private static Object variantValue(ExperimentConfig c, Predicate<VariantSpec> p,
      Function<VariantSpec, String> read, String fallback) {
    return c.variants().stream().filter(p).findFirst().map(read).orElse(fallback);
  }

  private static void mapVariants(Builder b, Predicate<VariantSpec> p,
      UnaryOperator<VariantSpec> f) {
    b.variants = b.variants.stream().map(s -> p.test(s) ? f.apply(s) : s).toList();
  }
}
