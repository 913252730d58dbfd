package dev.csrlab.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose loss becomes NaN/∞ stops with a clear message and status {@code diverged}; its logs
 * up to the failure stay valid; the other protocols carry on; the CLI exits with 1.
 */
class DivergenceTest {
  @TempDir Path out;

  /**
   * lr 1000 with AdamW's decoupled decay 0.01 multiplies every weight by (1 − lr·wd) = −9 per step:
   * the losses overflow to ∞ within about ten steps, in every protocol.
   */
  @Test
  void divergingRunsStopWithAClearMessageAndKeepTheirLogsValid() throws IOException {
    Cli.Result r =
        Cli.run(
            Cli.with(Cli.tinyRun(out), "--protocols", "A,B,C", "--lr", "1000", "--batch-size", 64));

    assertEquals(1, r.code(), "exit code 1 when a run did not complete\n" + r.all());
    Path exp = RunFiles.onlyExperiment(out);
    JsonNode summary = RunFiles.summary(exp);
    assertEquals(
        Map.of(
            "scratch-seed0",
            "diverged",
            "net2net-seed0",
            "diverged",
            "continuous-seed0",
            "diverged"),
        RunFiles.statuses(summary));
    for (String run : List.of("scratch-seed0", "net2net-seed0", "continuous-seed0")) {
      String msg = summary.get("messages").get(run).asText();
      assertTrue(msg.contains("loss became") && msg.contains("lower the learning rate"), msg);
      List<RunFiles.Row> rows = RunFiles.metrics(exp.resolve(run));
      assertTrue(!rows.isEmpty() && rows.size() < 16, run + " stopped early: " + rows.size());
      for (RunFiles.Row row : rows) {
        assertTrue(
            Double.isFinite(row.trainLoss()) && Double.isFinite(row.valLoss()),
            "only finite steps are logged: " + row);
      }
      assertTrue(msg.contains("at step " + (rows.size() + 1)), "names the failing step: " + msg);
    }
    RunFiles.assertRunFilesValid(exp);
    assertEquals(3, summary.get("criteria").size(), "the study is still summarised");
    for (JsonNode c : summary.get("criteria")) {
      assertEquals("not evaluated", c.get("outcome").asText(), "no verdict from diverged runs");
    }
  }

  /**
   * At lr 1e9 without weight decay the small model's gradients overflow AdamW's second moment to +∞
   * (its updates m/√v then vanish, so it stays finite). Resampling that state mixes units with
   * interpolation weights that include 0, and 0·∞ = NaN: the widened C model breaks at its first
   * update. Net2Net only copies and scratch never widens, so both must finish.
   */
  @Test
  void oneDivergingProtocolLeavesTheOthersToFinish() throws IOException {
    Cli.Result r =
        Cli.run(
            Cli.with(Cli.tinyRun(out), "--protocols", "A,B,C", "--lr", "1e9", "--weight-decay", 0));

    assertEquals(1, r.code(), r.all());
    Path exp = RunFiles.onlyExperiment(out);
    JsonNode summary = RunFiles.summary(exp);
    assertEquals(
        Map.of(
            "scratch-seed0",
            "completed",
            "net2net-seed0",
            "completed",
            "continuous-seed0",
            "diverged"),
        RunFiles.statuses(summary));
    assertTrue(
        summary.get("messages").get("continuous-seed0").asText().contains("at step 5"),
        "diverged right after widening at step 4");
    for (JsonNode run : summary.get("runs")) {
      if (run.get("status").asText().equals("completed")) {
        assertEquals(8, run.get("steps").asLong(), run.toString());
        assertTrue(run.get("final_test_accuracy").isNumber(), run.toString());
      }
    }
    assertEquals(
        4,
        RunFiles.metrics(exp.resolve("continuous-seed0")).size(),
        "the shared prefix up to the failure is kept");
    RunFiles.assertRunFilesValid(exp);
  }
}
