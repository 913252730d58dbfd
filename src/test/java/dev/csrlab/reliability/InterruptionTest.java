package dev.csrlab.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.csrlab.config.Method;
import dev.csrlab.experiment.ExperimentOutcome;
import dev.csrlab.experiment.ExperimentRunner;
import dev.csrlab.log.tensorboard.proto.Event;
import dev.csrlab.train.CancelToken;
import dev.csrlab.train.RunFinished;
import dev.csrlab.train.RunStatus;
import dev.csrlab.train.StepEvent;
import dev.csrlab.train.TrainingListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C / SIGTERM and the GUI's Cancel: the run stops promptly, its event files and CSVs stay
 * valid, summary.json marks the runs {@code cancelled}, and a later run never overwrites it.
 */
class InterruptionTest {
  @TempDir Path tmp;

  @Test
  void sigtermStopsTheCliPromptlyWithValidFilesAndALaterRunLeavesThemUntouched() throws Exception {
    Path out = tmp.resolve("runs");
    // 157 steps per epoch; the first rows reach the disk at the end of epoch 1, well before the
    // widening after epoch 3 (a signal during a widening waits for it: ~2 s here).
    ProcessBuilder pb = Cli.childJvm(e -> true, Cli.with(Cli.longRun(out), "--threads", 1));
    pb.redirectOutput(tmp.resolve("stdout.txt").toFile());
    pb.redirectError(tmp.resolve("stderr.txt").toFile());
    Process p = pb.start();
    try {
      Path experiment = awaitFirstMetricsRows(p, out);
      long t0 = System.nanoTime();
      p.destroy(); // SIGTERM
      while (!Files.exists(experiment.resolve("summary.json")) && p.isAlive()) {
        Thread.sleep(10);
      }
      double stopped = (System.nanoTime() - t0) / 1e9;
      assertTrue(p.waitFor(20, TimeUnit.SECONDS), "still running 20 s after SIGTERM");
      double exited = (System.nanoTime() - t0) / 1e9;
      // Measured here: stopped and summarised after ~0.2 s, exited after ~0.6 s.
      assertTrue(stopped < 2, "runs stopped and summarised " + stopped + " s after SIGTERM");
      assertTrue(exited < 5, "exited " + exited + " s after SIGTERM");
      assertNotEquals(0, p.exitValue());
    } finally {
      p.destroyForcibly();
    }

    Path first = RunFiles.onlyExperiment(out);
    JsonNode summary = RunFiles.summary(first);
    assertEquals(
        Map.of(
            "scratch-seed0",
            "cancelled",
            "net2net-seed0",
            "cancelled",
            "continuous-seed0",
            "cancelled"),
        RunFiles.statuses(summary),
        stderr());
    for (JsonNode run : summary.get("runs")) {
      String dir = run.get("variant").asText() + "-seed0";
      assertTrue(summary.get("messages").get(dir).asText().startsWith("cancelled by the user"));
      assertEquals(
          run.get("steps").asLong(),
          RunFiles.metrics(first.resolve(dir)).size(),
          "metrics.csv holds every step up to the stop");
    }
    RunFiles.assertRunFilesValid(first);

    Map<String, String> before = RunFiles.snapshot(first);
    Cli.Result again = Cli.run(Cli.with(Cli.tinyRun(out), "--protocols", "A"));
    assertEquals(0, again.code(), again.all());
    assertEquals(2, RunFiles.experiments(out).size(), "the later run got its own directory");
    assertEquals(before, RunFiles.snapshot(first), "the interrupted experiment is untouched");
  }

  /**
   * Regression: ImageIO's default stream registers a shutdown hook, so logging a widening after
   * SIGTERM threw "Shutdown in progress" and the run lost its summary.json.
   */
  @Test
  void imagesAreStillEncodedWhileTheJvmShutsDown() throws Exception {
    Path runDir = tmp.resolve("run");
    ProcessBuilder pb = Cli.childJvm(e -> true, runDir);
    List<String> cmd = new ArrayList<>(pb.command());
    cmd.set(cmd.indexOf("dev.csrlab.cli.Main"), PngDuringShutdown.class.getName());
    pb.command(cmd).redirectErrorStream(true);
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertTrue(output.contains("written"), output);
    List<Event> events = RunFiles.events(runDir);
    assertEquals(1, RunFiles.steps(events, "Weight/Spectrum/hidden1/before").size());
  }

  @Test
  void cancelTokenStopsAnInProcessRunAndMarksEveryRunCancelled() throws IOException {
    CancelToken cancel = new CancelToken();
    TrainingListener cancelAtStep5 =
        new TrainingListener() {
          @Override
          public void onStep(StepEvent e) {
            if (e.step() == 5) {
              cancel.cancel();
            }
          }
        };
    ExperimentRunner runner =
        new ExperimentRunner(
            TinyConfig.of(
                tmp.resolve("runs"), 2048, Method.SCRATCH, Method.NET2NET, Method.CONTINUOUS),
            List.of(cancelAtStep5),
            m -> {});

    ExperimentOutcome o = runner.execute(cancel);

    assertEquals(3, o.runs().size());
    for (RunFinished f : o.runs()) {
      assertEquals(RunStatus.CANCELLED, f.status(), f.toString());
      assertEquals(5, f.result().steps(), "stopped at the next step boundary: " + f);
    }
    assertFalse(o.allCompleted());
    JsonNode summary = RunFiles.summary(o.directory());
    assertTrue(RunFiles.statuses(summary).values().stream().allMatch("cancelled"::equals));
    RunFiles.assertRunFilesValid(o.directory());
  }

  /**
   * Waits until the child has flushed metrics rows (at an epoch end or a widening); returns its
   * experiment directory.
   */
  private Path awaitFirstMetricsRows(Process p, Path out) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        fail("csr-lab ended before it was interrupted (exit " + p.exitValue() + "):\n" + stderr());
      }
      if (Files.isDirectory(out)) {
        try (Stream<Path> s = Files.walk(out)) {
          for (Path csv : s.filter(f -> f.endsWith("metrics.csv")).toList()) {
            if (Files.size(csv) > 0 && Files.readAllLines(csv).size() > 3) {
              return csv.getParent().getParent();
            }
          }
        }
      }
      Thread.sleep(50);
    }
    return fail("no metrics rows within 120 s:\n" + stderr());
  }

  private String stderr() {
    try {
      return Files.readString(tmp.resolve("stderr.txt"));
    } catch (IOException e) {
      return "(no stderr: " + e + ")";
    }
  }
}
