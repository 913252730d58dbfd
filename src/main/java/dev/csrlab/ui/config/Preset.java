package dev.csrlab.ui.config;

import dev.csrlab.config.ConfigValidator;
import dev.csrlab.config.ExperimentConfig;
import dev.csrlab.config.TriggerSpec;
import java.util.function.Supplier;

/** Starting points of the Configure form. */
public enum Preset {
  /** SPEC §5 defaults: full MNIST, E = 10, widen after epoch 3, A/B/C, seed 0. */
  SPEC_DEFAULT("Spec default", ExperimentConfig::defaults),
  /**
   * A minute-scale look: 6,000 training samples, 2 epochs (the validator requires an epoch on
   * each side of widening), widening at the step mid-way, i.e. after the first epoch.
   */
  QUICK_LOOK("Quick look: 1 epoch each side", Preset::quickLook);

  private final String label;
  private final Supplier<ExperimentConfig> config;

  Preset(String label, Supplier<ExperimentConfig> config) {
    this.label = label;
    this.config = config;
  }

  public ExperimentConfig config() {
    return config.get();
  }

  @Override
  public String toString() {
    return label;
  }

  private static ExperimentConfig quickLook() {
    ExperimentConfig.Builder b = ExperimentConfig.defaults().toBuilder();
    b.name = "quick-look";
    b.trainSubset = 6_000;
    b.epochs = 2;
    long perEpoch = ConfigValidator.stepsPerEpoch(b.build());
    b.widening = TriggerSpec.atStep(perEpoch * b.epochs / 2);
    return b.build();
  }
}
