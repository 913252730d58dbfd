package dev.csrlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.csrlab.config.ExperimentConfig;
import dev.csrlab.config.Method;
import dev.csrlab.config.Options.Activation;
import dev.csrlab.config.Options.OptimizerPolicy;
import dev.csrlab.config.TriggerSpec;
import dev.csrlab.config.VariantSpec;
import dev.csrlab.train.CancelToken;
import dev.csrlab.train.RunFinished;
import dev.csrlab.train.RunStatus;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every size, depth, activation and dataset is a parameter (issue 6): short real runs beyond
 * 128→256. Fashion-MNIST comes from Debian's dataset-fashion-mnist package (installed by
 * .ci/run); a missing dataset is an error here, never a skip.
 */
class GeneralityTest {
  @TempDir Path out;

  private ExperimentConfig.Builder tiny() {
    ExperimentConfig.Builder b = ExperimentConfig.defaults().toBuilder();
    b.trainSubset = 1024;
    b.epochs = 2;
    b.widening = TriggerSpec.atStep(5);
    b.valSubset = 128;
    b.validationSize = 2000;
    b.peakWindow = 4;
    b.threads = 1;
    b.out = out.toString();
    return b;
  }

  private static void assertAllCompleted(ExperimentOutcome o, int runs) {
    assertEquals(runs, o.runs().size());
    for (RunFinished f : o.runs()) {
      assertEquals(RunStatus.COMPLETED, f.status(), f.key() + ": " + f.message());
      assertTrue(f.result().finalTestAccuracy() > 0.3, f.key() + " learned nothing");
    }
  }

  @Test
  void threeHiddenLayersWithNonIntegerFactorsAndGelu() throws Exception {
    ExperimentConfig.Builder b = tiny();
    b.name = "deep";
    b.widths = List.of(64, 100, 48);
    b.targetWidths = List.of(96, 150, 48);
    b.activation = Activation.GELU;
    b.variants = List.of(VariantSpec.of(Method.NET2NET).withNoise(0),
        VariantSpec.of(Method.CONTINUOUS).withOptimizerState(OptimizerPolicy.CONSISTENT),
        VariantSpec.of(Method.ZERO_OUTGOING));
    ExperimentOutcome o = new ExperimentRunner(b.build(), List.of(), m -> { }).execute(
        new CancelToken());
    assertAllCompleted(o, 3);
    for (RunFinished f : o.runs()) {
      assertEquals(3, f.result().pathSimilarity().size());
      if (!f.key().variant().equals("continuous")) {
        assertTrue(Math.abs(f.result().shock()) < 1e-4,
            f.key() + " is function-preserving: shock " + f.result().shock());
      }
    }
  }

  @Test
  void siluAndEveryAblationRunTogether() throws Exception {
    ExperimentConfig.Builder b = tiny();
    b.name = "ablations";
    b.activation = Activation.SILU;
    b.widths = List.of(32, 32);
    b.targetWidths = List.of(64, 48);
    b.variants = List.of(VariantSpec.of(Method.NET2NET_EACH_ONCE),
        VariantSpec.of(Method.CONTINUOUS_UNSORTED), VariantSpec.of(Method.CONTINUOUS_RANDOM),
        VariantSpec.of(Method.SMALL_CONTINUE), VariantSpec.of(Method.SCRATCH_MATCHED));
    ExperimentOutcome o = new ExperimentRunner(b.build(), List.of(), m -> { }).execute(
        new CancelToken());
    assertAllCompleted(o, 5);
    RunFinished matched = o.runs().stream()
        .filter(f -> f.key().variant().equals("scratch-matched")).findFirst().orElseThrow();
    assertTrue(matched.result().steps() < 16, "compute-matched scratch trains fewer steps");
  }

  @Test
  void fashionMnistRunsFromTheDebianPackage() throws Exception {
    ExperimentConfig.Builder b = tiny();
    b.name = "fashion";
    b.dataset = "fashion-mnist";
    b.dataDir = out.resolve("cache").toString();
    b.variants = List.of(VariantSpec.of(Method.SCRATCH), VariantSpec.of(Method.CONTINUOUS));
    ExperimentOutcome o = new ExperimentRunner(b.build(), List.of(), m -> { }).execute(
        new CancelToken());
    assertAllCompleted(o, 2);
  }
}
