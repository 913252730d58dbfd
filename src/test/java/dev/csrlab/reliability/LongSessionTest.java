package dev.csrlab.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.csrlab.config.ExperimentConfig;
import dev.csrlab.config.Method;
import dev.csrlab.experiment.ExperimentOutcome;
import dev.csrlab.experiment.ExperimentRunner;
import dev.csrlab.experiment.Sinks;
import dev.csrlab.train.CancelToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lab left open all night runs experiment after experiment in one process: 20 of them must not
 * grow its memory. Resident memory (heap, native tensors, threads) is compared after run 5, once
 * the JIT, the engine and the heap have warmed up, and after run 20: a leak of the ~55 MB dataset
 * or of the models' native tensors per run would add hundreds of MB over 15 runs (the device
 * copy of this config's splits alone is ~35 MB). Measured here: 716 MB → 748 MB.
 */
class LongSessionTest {
  private static final long ALLOWED_GROWTH_BYTES = 200L << 20;

  @TempDir Path out;

  @Test
  void twentyRunsInOneProcessDoNotGrowResidentMemory() throws IOException {
    ExperimentConfig tiny = TinyConfig.of(out, 512, Method.CONTINUOUS);
    long afterFive = 0;
    for (int run = 1; run <= 20; run++) {
      ExperimentOutcome o = new ExperimentRunner(tiny, List.of(), m -> { }, Sinks.files())
          .execute(new CancelToken());
      assertTrue(o.allCompleted(), "run " + run + ": " + o.runs());
      if (run == 5) {
        afterFive = residentBytes();
      }
    }
    long afterTwenty = residentBytes();

    assertEquals(20, RunFiles.experiments(out).size(), "every run has its own directory");
    long growth = afterTwenty - afterFive;
    assertTrue(growth < ALLOWED_GROWTH_BYTES, "resident memory grew by " + (growth >> 20)
        + " MB from run 5 (" + (afterFive >> 20) + " MB) to run 20 (" + (afterTwenty >> 20)
        + " MB)");
  }

  /** VmRSS of this process after a full collection (garbage is not a leak). */
  private static long residentBytes() throws IOException {
    System.gc();
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) << 10;
      }
    }
    throw new IllegalStateException("no VmRSS in /proc/self/status");
  }
}
