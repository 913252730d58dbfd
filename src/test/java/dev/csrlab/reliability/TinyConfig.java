package dev.csrlab.reliability;

import dev.csrlab.config.ExperimentConfig;
import dev.csrlab.config.Method;
import dev.csrlab.config.TriggerSpec;
import dev.csrlab.config.VariantSpec;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Small real-MNIST configs that run in about a second on two cores. */
final class TinyConfig {
  private TinyConfig() {}

  /**
   * {@code trainSubset} samples in batches of 128 for 2 epochs, widening after epoch 1; a 1,000
   * image validation split (so each epoch-end full validation is cheap) with a 128 image subset.
   */
  static ExperimentConfig.Builder builder(Path out, int trainSubset, Method... methods) {
    ExperimentConfig.Builder b = ExperimentConfig.defaults().toBuilder();
    b.name = "reliability";
    b.trainSubset = trainSubset;
    b.batchSize = 128;
    b.epochs = 2;
    b.widening = TriggerSpec.afterEpoch(1);
    b.validationSize = 1000;
    b.valSubset = 128;
    b.peakWindow = 4;
    b.threads = 1;
    b.out = out.toString();
    b.variants = Arrays.stream(methods).map(VariantSpec::of).toList();
    return b;
  }

  static ExperimentConfig of(Path out, int trainSubset, Method... methods) {
    return builder(out, trainSubset, methods).build();
  }

  static List<Method> abc() {
    return List.of(Method.SCRATCH, Method.NET2NET, Method.CONTINUOUS);
  }
}
