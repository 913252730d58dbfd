package dev.csrlab.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.csrlab.config.Method;
import dev.csrlab.experiment.ExperimentRunner;
import dev.csrlab.train.CancelToken;
import dev.csrlab.train.ComputeDevice;
import dev.csrlab.train.RunStarted;
import dev.csrlab.train.StepEvent;
import dev.csrlab.train.TrainingListener;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output folder that cannot be created or written, or a disk that fills up: a clear error before
 * training (or at the first failed write) and no corrupt file left. Tests run as root, so read-only
 * permission bits stop nothing: a path below a regular file, {@code /dev/full} and an obstacle
 * where summary.json must go stand in for them.
 */
class StorageFailureTest {
  @TempDir Path tmp;

  @Test
  void anOutputFolderThatCannotBeCreatedFailsBeforeTraining() throws IOException {
    Path file = Files.writeString(tmp.resolve("not-a-folder"), "a regular file");
    Path out = file.resolve("runs");

    Cli.Result r = Cli.run(Cli.with(Cli.tinyRun(out), "--protocols", "A"));

    assertEquals(2, r.code(), r.all());
    assertTrue(
        r.err().contains("cannot create the output directory " + out)
            && r.err().contains("choose a writable folder with --out"),
        r.err());
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
    TrainingListener fullDisk =
        new TrainingListener() {
          @Override
          public void onStep(StepEvent e) {
            if (e.step() == 3) {
              try (FileOutputStream f = new FileOutputStream(devFull.toFile())) {
                f.write(new byte[1024]);
              } catch (IOException io) {
                throw new UncheckedIOException(
                    "cannot write " + devFull + ": " + io.getMessage(), io);
              }
            }
          }
        };
    Path out = tmp.resolve("runs");
    ExperimentRunner runner =
        new ExperimentRunner(
            TinyConfig.of(out, 512, Method.SCRATCH, Method.CONTINUOUS), List.of(fullDisk), m -> {});

    UncheckedIOException e =
        assertThrows(UncheckedIOException.class, () -> runner.execute(new CancelToken()));

    assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
    Path exp = RunFiles.onlyExperiment(out);
    RunFiles.assertRunFilesValid(exp);
    assertEquals(
        3,
        RunFiles.metrics(exp.resolve("scratch-seed0")).size(),
        "rows up to the step whose write failed (the run's own sinks come first)");
    JsonNode summary = RunFiles.summary(exp);
    assertEquals(
        java.util.Map.of("scratch-seed0", "failed", "continuous-seed0", "failed"),
        RunFiles.statuses(summary),
        "the runs open at the failure are recorded as failed");
    String why = summary.get("messages").get("continuous-seed0").asText();
    assertTrue(why.startsWith("failed: ") && why.contains("No space left on device"), why);
  }

  /**
   * The real sinks against a real write failure: the child JVM may not write files over 40 KB
   * ({@code ulimit -f}; HotSpot ignores SIGXFSZ, so the write fails with EFBIG like a full disk).
   * The event file that grows past it with the widening's spectrum images fails first.
   */
  @Test
  void aWriteFailureInTheRunsOwnFilesNamesTheFileAndKeepsWhatWasWritten() throws Exception {
    ComputeDevice.engine(); // the native library is extracted here, not under the write limit
    Path out = tmp.resolve("runs");
    ProcessBuilder pb =
        Cli.childJvm(
            e -> true, Cli.with(Cli.tinyRun(out, 2048), "--protocols", "A,B,C", "--epochs", 2));
    List<String> cmd = new ArrayList<>(List.of("bash", "-c", "ulimit -f 40 && exec \"$0\" \"$@\""));
    cmd.addAll(pb.command());
    pb.command(cmd).redirectErrorStream(true);
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), output);

    assertEquals(2, p.exitValue(), output);
    assertTrue(
        output.contains("error: cannot write TensorBoard event file " + out)
            && output.contains("File too large")
            && output.contains("Free disk space"),
        output);
    Path exp = RunFiles.onlyExperiment(out);
    try (Stream<Path> runs = Files.list(exp)) {
      for (Path run : runs.filter(Files::isDirectory).toList()) {
        assertEquals(16, RunFiles.metrics(run).size(), "every step before the failure: " + run);
        try (Stream<Path> f = Files.list(run)) {
          Path events =
              f.filter(x -> x.getFileName().toString().startsWith("events.out"))
                  .findFirst()
                  .orElseThrow();
          assertTrue(RunFiles.readRecords(events, true).size() > 16, "records kept: " + events);
        }
      }
    }
    RunFiles.assertNoLeftovers(exp);
  }

  /** summary.json cannot be replaced (a non-empty folder is in its way): clear error, no temp. */
  @Test
  void aSummaryThatCannotBeWrittenIsAClearErrorAndLeavesNoPartialFile() throws IOException {
    AtomicReference<Path> experiment = new AtomicReference<>();
    TrainingListener obstacle =
        new TrainingListener() {
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
    ExperimentRunner runner =
        new ExperimentRunner(TinyConfig.of(out, 512, Method.SCRATCH), List.of(obstacle), m -> {});

    IOException e = assertThrows(IOException.class, () -> runner.execute(new CancelToken()));

    Path exp = experiment.get();
    assertTrue(
        e.getMessage().contains("could not write " + exp.resolve("summary.json"))
            && e.getMessage().contains("free disk space"),
        e.getMessage());
    assertFalse(Files.exists(exp.resolve("summary.json.tmp")), "no partial summary left");
    assertTrue(Files.isRegularFile(exp.resolve("config.json")));
    RunFiles.assertRunFilesValid(exp);
    assertEquals(
        8,
        RunFiles.metrics(exp.resolve("scratch-seed0")).size(),
        "the finished run's metrics are complete");
  }
}
