package dev.csrlab.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.csrlab.config.ExperimentConfig;
import dev.csrlab.config.Method;
import dev.csrlab.config.TriggerSpec;
import dev.csrlab.config.VariantSpec;
import dev.csrlab.train.CancelToken;
import dev.csrlab.train.RunStarted;
import dev.csrlab.train.RunStatus;
import dev.csrlab.train.TrainingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A long study interrupted mid-way continues: finished runs are kept, the rest redone. */
class ResumeTest {
  @TempDir Path out;

  @Test
  void resumeKeepsCompletedSeedsAndRedoesTheCancelledOnes() throws Exception {
    ExperimentConfig.Builder b = ExperimentConfig.defaults().toBuilder();
    b.name = "resume";
    b.trainSubset = 512;
    b.epochs = 2;
    b.widening = TriggerSpec.atStep(2);
    b.valSubset = 64;
    b.validationSize = 1000;
    b.peakWindow = 2;
    b.threads = 1;
    b.seeds = List.of(0L, 1L);
    b.out = out.toString();
    b.variants = List.of(VariantSpec.of(Method.SCRATCH), VariantSpec.of(Method.CONTINUOUS));
    CancelToken cancel = new CancelToken();
    TrainingListener cancelAtSeed1 = new TrainingListener() {
      @Override
      public void onRunStart(RunStarted e) {
        if (e.key().seed() == 1) {
          cancel.cancel();
        }
      }
    };
    ExperimentOutcome first = new ExperimentRunner(b.build(), List.of(cancelAtSeed1), m -> { })
        .execute(cancel);
    Path dir = first.directory();
    assertEquals(4, first.runs().size());
    assertEquals(2, first.runs().stream().filter(r -> r.status() == RunStatus.CANCELLED).count());
    byte[] seed0Csv = Files.readAllBytes(dir.resolve("scratch-seed0/metrics.csv"));

    ExperimentOutcome resumed = ExperimentRunner.resume(dir, List.of(), m -> { }, Sinks.files(),
        new CancelToken());
    assertEquals(dir, resumed.directory());
    assertTrue(resumed.allCompleted(), resumed.runs().toString());
    assertEquals(4, resumed.runs().size());
    assertArrayEquals(seed0Csv, Files.readAllBytes(dir.resolve("scratch-seed0/metrics.csv")),
        "completed runs are not touched");
    assertTrue(Files.isDirectory(dir.resolve("scratch-seed1.incomplete-1")),
        "the cancelled run is moved aside, not overwritten");
    assertEquals(9, Files.readAllLines(dir.resolve("scratch-seed1/metrics.csv")).size(),
        "header + 2 epochs × 4 steps");
  }
}
