package dev.csrlab.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.csrlab.config.Method;
import dev.csrlab.experiment.ExperimentRunner;
import dev.csrlab.train.CancelToken;
import dev.csrlab.train.RunStarted;
import dev.csrlab.train.StepEvent;
import dev.csrlab.train.TrainingListener;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output folder that cannot be created or written, or a disk that fills up: a clear error
 * before training (or at the first failed write) and no corrupt file left. Tests run as root, so
 * read-only permission bits stop nothing: a path below a regular file, {@code /dev/full} and an
 * obstacle where summary.json must go stand in for them.
 */
class StorageFailureTest {
  @TempDir Path tmp;

  @Test
  void anOutputFolderThatCannotBeCreatedFailsBeforeTraining() throws IOException {
    Path file = Files.writeString(tmp.resolve("not-a-folder"), "a regular file");
    Path out = file.resolve("runs");

    Cli.Result r = Cli.run(Cli.with(Cli.tinyRun(out), "--protocols", "A"));

    assertEquals(2, r.code(), r.all());
    assertTrue(r.err().contains("cannot create the output directory " + out)
        && r.err().contains("choose a writable folder with --out"), r.err());
    assertEquals("a regular file", Files.readString(file), "nothing written over it");
    try (var s = Files.list(tmp)) {
      assertEquals(List.of(file), s.toList(), "nothing else was created");
    }
  }

  /**
   * The first write that hits a full disk stops the experiment with the system's own reason; the
   * runs' other files are closed cleanly, so what they hold stays readable.
   */
  @Test
  void aFullDiskAtTheFirstFailedWriteStopsTheRunWithItsReason() throws IOException {
    Path devFull = Path.of("/dev/full");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(devFull), "Linux /dev/full");
    TrainingListener fullDisk = new TrainingListener() {
      @Override
      public void onStep(StepEvent e) {
        if (e.step() == 3) {
          try (FileOutputStream f = new FileOutputStream(devFull.toFile())) {
            f.write(new byte[1024]);
          } catch (IOException io) {
            throw new UncheckedIOException("cannot write " + devFull + ": " + io.getMessage(), io);
          }
        }
      }
    };
    Path out = tmp.resolve("runs");
    ExperimentRunner runner = new ExperimentRunner(TinyConfig.of(out, 512, Method.SCRATCH,
        Method.CONTINUOUS), List.of(fullDisk), m -> { });

    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> runner.execute(new CancelToken()));

    assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
    Path exp = RunFiles.onlyExperiment(out);
    RunFiles.assertRunFilesValid(exp);
    assertEquals(3, RunFiles.metrics(exp.resolve("scratch-seed0")).size(),
        "rows up to the step whose write failed (the run's own sinks come first)");
  }

  /** summary.json cannot be replaced (a non-empty folder is in its way): clear error, no temp. */
  @Test
  void aSummaryThatCannotBeWrittenIsAClearErrorAndLeavesNoPartialFile() throws IOException {
    AtomicReference<Path> experiment = new AtomicReference<>();
    TrainingListener obstacle = new TrainingListener() {
      @Override
      public void onRunStart(RunStarted e) {
        Path exp = e.runDir().getParent();
        if (experiment.compareAndSet(null, exp)) {
          try {
            Files.createDirectories(exp.resolve("summary.json").resolve("in-the-way"));
          } catch (IOException io) {
            throw new UncheckedIOException(io);
          }
        }
      }
    };
    Path out = tmp.resolve("runs");
    ExperimentRunner runner = new ExperimentRunner(TinyConfig.of(out, 512, Method.SCRATCH),
        List.of(obstacle), m -> { });

    IOException e = assertThrows(IOException.class, () -> runner.execute(new CancelToken()));

    Path exp = experiment.get();
    assertTrue(e.getMessage().contains("could not write " + exp.resolve("summary.json"))
        && e.getMessage().contains("free disk space"), e.getMessage());
    assertFalse(Files.exists(exp.resolve("summary.json.tmp")), "no partial summary left");
    assertTrue(Files.isRegularFile(exp.resolve("config.json")));
    RunFiles.assertRunFilesValid(exp);
    assertEquals(8, RunFiles.metrics(exp.resolve("scratch-seed0")).size(),
        "the finished run's metrics are complete");
  }
}
