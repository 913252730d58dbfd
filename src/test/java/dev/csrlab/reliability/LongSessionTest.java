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
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lab left open all night runs experiment after experiment in one process: 20 of them must not
 * grow its memory. Resident memory (heap, native tensors, threads) is sampled after every run,
 * after a GC; its floor (the lowest of five runs) after runs 6–10, once the JIT, the engine and the
 * allocator have warmed up, is compared with its floor after runs 16–20. Single samples swing by
 * ~150 MB (glibc keeps freed PyTorch memory for reuse); a leak raises the floor: the device copy of
 * this config's splits alone is ~35 MB per run, 350 MB over ten runs. Measured here: 60 runs level
 * off at ~650 MB after run 10; floors 570 → 607 MB.
 */
class LongSessionTest {
  private static final long ALLOWED_GROWTH_BYTES = 200L << 20;

  @TempDir Path out;

  @Test
  void twentyRunsInOneProcessDoNotGrowResidentMemory() throws IOException {
    ExperimentConfig tiny = TinyConfig.of(out, 512, Method.CONTINUOUS);
    long[] rss = new long[21];
    for (int run = 1; run <= 20; run++) {
      ExperimentOutcome o =
          new ExperimentRunner(tiny, List.of(), m -> {}, Sinks.files()).execute(new CancelToken());
      assertTrue(o.allCompleted(), "run " + run + ": " + o.runs());
      rss[run] = residentBytes();
    }

    assertEquals(20, RunFiles.experiments(out).size(), "every run has its own directory");
    long early = IntStream.rangeClosed(6, 10).mapToLong(i -> rss[i]).min().orElseThrow();
    long late = IntStream.rangeClosed(16, 20).mapToLong(i -> rss[i]).min().orElseThrow();
    assertTrue(
        late - early < ALLOWED_GROWTH_BYTES,
        "resident memory floor grew by "
            + ((late - early) >> 20)
            + " MB from runs 6-10 ("
            + (early >> 20)
            + " MB) to runs 16-20 ("
            + (late >> 20)
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
