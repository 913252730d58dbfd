package dev.csrlab.log;

import static dev.csrlab.log.Fixtures.KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.csrlab.train.Phase;
import dev.csrlab.train.RunStatus;
import dev.csrlab.train.StepEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvMetricsListenerTest {
  @TempDir Path dir;

  @Test
  void metricsCsvHasTheExactSpecHeaderAndOneRowPerStep() throws IOException {
    CsvMetricsListener csv = new CsvMetricsListener();
    csv.onRunStart(Fixtures.runStarted(KEY, dir, 2, 2));
    csv.onStep(Fixtures.step(KEY, 1, 1, true));
    csv.onStep(Fixtures.step(KEY, 2, 1, true));
    csv.onEpochEnd(Fixtures.epoch(KEY, 1, 2));
    csv.onStep(
        new StepEvent(
            KEY, 3, 2, Double.NaN, 0.5, 0.875, 1e-3, Phase.WIDE, Double.NaN, Double.NaN, false));
    csv.onRunEnd(Fixtures.finished(KEY, RunStatus.DIVERGED, 3));

    List<String> lines = Files.readAllLines(dir.resolve("metrics.csv"));
    assertEquals("step,epoch,train_loss,val_loss,val_acc,lr,phase", lines.get(0));
    assertEquals(4, lines.size());
    assertEquals("1,1,1.0,2.0,0.0,0.001,small", lines.get(1));
    assertEquals("3,2,nan,0.5,0.875,0.001,wide", lines.get(3));
    List<String> epochs = Files.readAllLines(dir.resolve("epochs.csv"));
    assertEquals("epoch,step,mean_train_loss,val_loss_full,val_acc_full,seconds", epochs.get(0));
    assertEquals("1,2,0.5,0.4,0.91,1.5", epochs.get(1));
  }

  @Test
  void rowsAreOnDiskAfterEpochEndAndWideningBeforeTheRunCloses() throws IOException {
    CsvMetricsListener csv = new CsvMetricsListener();
    csv.onRunStart(Fixtures.runStarted(KEY, dir, 2, 2));
    csv.onStep(Fixtures.step(KEY, 1, 1, false));
    csv.onStep(Fixtures.step(KEY, 2, 1, false));
    assertEquals(0, Files.size(dir.resolve("metrics.csv")), "buffered between flush points");
    csv.onEpochEnd(Fixtures.epoch(KEY, 1, 2));
    assertEquals(3, Files.readAllLines(dir.resolve("metrics.csv")).size());
    assertEquals(2, Files.readAllLines(dir.resolve("epochs.csv")).size());
    csv.onStep(Fixtures.step(KEY, 3, 2, false));
    csv.onWidening(Fixtures.widening(KEY, 3, 4));
    assertEquals(4, Files.readAllLines(dir.resolve("metrics.csv")).size());
    csv.close();
  }

  @Test
  void anExistingMetricsFileIsNeverOverwritten() throws IOException {
    Files.writeString(dir.resolve("metrics.csv"), "precious\n");
    CsvMetricsListener csv = new CsvMetricsListener();
    UncheckedIOException e =
        assertThrows(
            UncheckedIOException.class, () -> csv.onRunStart(Fixtures.runStarted(KEY, dir, 2, 2)));
    assertTrue(e.getMessage().contains("metrics.csv"), e.getMessage());
    assertEquals("precious\n", Files.readString(dir.resolve("metrics.csv")));
  }

  @Test
  void aRunDirectoryUnderAFileGivesAClearError() throws IOException {
    Path notADir = Files.writeString(dir.resolve("file"), "x");
    CsvMetricsListener csv = new CsvMetricsListener();
    UncheckedIOException e =
        assertThrows(
            UncheckedIOException.class,
            () -> csv.onRunStart(Fixtures.runStarted(KEY, notADir.resolve("run"), 2, 2)));
    assertTrue(e.getMessage().contains("cannot write"), e.getMessage());
  }
}
