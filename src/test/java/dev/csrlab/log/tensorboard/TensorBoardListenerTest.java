package dev.csrlab.log.tensorboard;

import static dev.csrlab.log.Fixtures.KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.csrlab.log.Fixtures;
import dev.csrlab.log.heatmap.HeatmapRenderer;
import dev.csrlab.log.tensorboard.proto.HParamsPluginData;
import dev.csrlab.log.tensorboard.proto.Status;
import dev.csrlab.log.tensorboard.proto.Summary;
import dev.csrlab.train.RunStatus;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TensorBoardListenerTest {
  /** Set -Dcsrlab.keepEvents=DIR to keep the files (for tfevents_check.py or TensorBoard). */
  private static final String KEEP = System.getProperty("csrlab.keepEvents");

  @TempDir Path tmp;
  Path runDir;

  @BeforeEach
  void runDir() throws IOException {
    Path root = KEEP == null ? tmp : Files.createDirectories(Path.of(KEEP));
    runDir = root.resolve(KEY.dirName() + "-" + System.nanoTime());
    Files.createDirectories(runDir);
  }

  /** Two epochs of three steps, widening after step 3, full-val window around it. */
  private TfEventsReader.Contents writeSyntheticRun() throws IOException {
    return writeSyntheticRun(new TensorBoardListener());
  }

  private TfEventsReader.Contents writeSyntheticRun(TensorBoardListener tb) throws IOException {
    tb.onRunStart(Fixtures.runStarted(KEY, runDir, 3, 2));
    tb.onStep(Fixtures.step(KEY, 1, 1, false));
    tb.onStep(Fixtures.step(KEY, 2, 1, false));
    tb.onStep(Fixtures.stepWithFullVal(KEY, 3, 1));
    tb.onEpochEnd(Fixtures.epoch(KEY, 1, 3));
    tb.onWidening(Fixtures.widening(KEY, 3, 16));
    tb.onStep(Fixtures.stepWithFullVal(KEY, 4, 2));
    tb.onStep(Fixtures.step(KEY, 5, 2, false));
    tb.onMetric(Fixtures.metric(KEY, Tags.RECOVERY_STEPS, 5, 2));
    tb.onStep(Fixtures.step(KEY, 6, 2, false));
    tb.onMetric(Fixtures.metric(KEY, Tags.PEAK_SHOCK, 6, 0.2));
    tb.onMetric(Fixtures.metric(KEY, Tags.EXCESS_LOSS_AREA, 6, 1.5));
    tb.onEpochEnd(Fixtures.epoch(KEY, 2, 6));
    tb.onMetric(Fixtures.metric(KEY, Tags.ACC_TEST, 6, 0.9812));
    tb.onMetric(Fixtures.metric(KEY, Tags.LOSS_TEST, 6, 0.0654));
    tb.onRunEnd(Fixtures.finished(KEY, RunStatus.COMPLETED, 6));
    return TfEventsReader.read(TfEventsReader.onlyEventFile(runDir));
  }

  @Test
  void writesEverySpecSection2Tag() throws IOException {
    TfEventsReader.Contents c = writeSyntheticRun();
    List<String> expected =
        new ArrayList<>(
            List.of(
                Tags.LOSS_TRAIN,
                Tags.LOSS_VAL,
                Tags.ACC_VAL_SUBSET,
                Tags.LOSS_VAL_FULL,
                Tags.ACC_VAL,
                Tags.VAL_LOSS_BEFORE,
                Tags.VAL_LOSS_AFTER,
                Tags.VAL_ACC_BEFORE,
                Tags.VAL_ACC_AFTER,
                Tags.EXPANSION_SHOCK,
                Tags.PEAK_SHOCK,
                Tags.EXCESS_LOSS_AREA,
                Tags.FUNCTION_ERROR,
                Tags.FUNCTION_KL,
                Tags.RECOVERY_STEPS,
                Tags.ACC_TEST,
                Tags.LOSS_TEST,
                Tags.CONFIG_TEXT,
                Tags.STATUS_TEXT,
                Summaries.SESSION_START_TAG,
                Summaries.SESSION_END_TAG));
    for (int l = 1; l <= 2; l++) {
      for (String w : List.of("before", "after", "random")) {
        expected.add("Seriation/Path_Similarity/hidden" + l + "/" + w);
      }
      expected.add("Weight/Spectrum/hidden" + l + "/before");
      expected.add("Weight/Spectrum/hidden" + l + "/after");
    }
    assertEquals(new HashSet<>(expected), new HashSet<>(c.tags()));
    assertEquals("Loss/Train", Tags.LOSS_TRAIN);
    assertEquals("Seriation/Path_Similarity/hidden2/random", Tags.pathSimilarity(2, "random"));
    assertEquals("Weight/Spectrum/hidden1/after", Tags.spectrum(1, "after"));
  }

  @Test
  void perStepScalarsCarryTheEventsStepsAndValues() throws IOException {
    TfEventsReader.Contents c = writeSyntheticRun();
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), c.steps(Tags.LOSS_TRAIN));
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), c.steps(Tags.ACC_VAL_SUBSET));
    assertEquals((float) (1.0 / 4), c.values(Tags.LOSS_TRAIN).get(3).getSimpleValue());
    assertEquals((float) (2.0 / 5), c.values(Tags.LOSS_VAL).get(4).getSimpleValue());
    assertEquals((float) (1 - 1.0 / 2), c.values(Tags.ACC_VAL_SUBSET).get(1).getSimpleValue());
    // Full split: step 3 and 4 from the window, step 6 from the epoch end; the epoch end at
    // step 3 must not repeat step 3.
    assertEquals(List.of(3L, 4L, 6L), c.steps(Tags.LOSS_VAL_FULL));
    assertEquals(List.of(3L, 4L, 6L), c.steps(Tags.ACC_VAL));
    assertEquals(1.0f, c.values(Tags.LOSS_VAL_FULL).get(0).getSimpleValue());
    assertEquals(0.2f, c.values(Tags.LOSS_VAL_FULL).get(2).getSimpleValue());
    assertEquals(0.92f, c.values(Tags.ACC_VAL).get(2).getSimpleValue());
  }

  @Test
  void wideningAndMetricScalarsSitAtTheirSteps() throws IOException {
    TfEventsReader.Contents c = writeSyntheticRun();
    assertEquals(List.of(3L), c.steps(Tags.EXPANSION_SHOCK));
    assertEquals(0.15f, c.values(Tags.EXPANSION_SHOCK).get(0).getSimpleValue(), 1e-6);
    assertEquals(0.30f, c.values(Tags.VAL_LOSS_BEFORE).get(0).getSimpleValue());
    assertEquals(0.45f, c.values(Tags.VAL_LOSS_AFTER).get(0).getSimpleValue());
    assertEquals(0.92f, c.values(Tags.VAL_ACC_BEFORE).get(0).getSimpleValue());
    assertEquals(0.88f, c.values(Tags.VAL_ACC_AFTER).get(0).getSimpleValue());
    assertEquals(0.25f, c.values(Tags.FUNCTION_ERROR).get(0).getSimpleValue());
    assertEquals(0.0125f, c.values(Tags.FUNCTION_KL).get(0).getSimpleValue());
    assertEquals(100f, c.values(Tags.pathSimilarity(2, "after")).get(0).getSimpleValue());
    assertEquals(List.of(3L), c.steps(Tags.pathSimilarity(1, "random")));
    assertEquals(List.of(5L), c.steps(Tags.RECOVERY_STEPS));
    assertEquals(2f, c.values(Tags.RECOVERY_STEPS).get(0).getSimpleValue());
    assertEquals(List.of(6L), c.steps(Tags.ACC_TEST));
    assertEquals(0.9812f, c.values(Tags.ACC_TEST).get(0).getSimpleValue());
  }

  @Test
  void noTagRepeatsAStep() throws IOException {
    TfEventsReader.Contents c = writeSyntheticRun();
    for (String tag : c.tags()) {
      List<Long> steps = c.steps(tag);
      for (int i = 1; i < steps.size(); i++) {
        assertTrue(steps.get(i) > steps.get(i - 1), tag + " steps " + steps);
      }
    }
  }

  @Test
  void spectrumImagesShowTheTrainedAndTheSortedMatrix() throws IOException {
    TfEventsReader.Contents c = writeSyntheticRun();
    BufferedImage after = decode(c.values(Tags.spectrum(1, "after")).get(0));
    BufferedImage before = decode(c.values(Tags.spectrum(1, "before")).get(0));
    assertEquals(16 * HeatmapRenderer.DEFAULT_CELL_PIXELS, after.getHeight());
    assertTrue(after.getWidth() > 16 * HeatmapRenderer.DEFAULT_CELL_PIXELS, "colour bar");
    int cell = HeatmapRenderer.DEFAULT_CELL_PIXELS;
    // Sorted banded matrix: diagonal +1 (red), far corner cos(15π/16) ≈ −0.98 (blue).
    assertEquals(HeatmapRenderer.rgb(1.0), after.getRGB(0, 0) & 0xffffff);
    assertEquals(
        HeatmapRenderer.rgb(Math.cos(Math.PI * 15 / 16)),
        after.getRGB(15 * cell, 0) & 0xffffff,
        0x030303);
    int[] order = Fixtures.layer(1, 16, 1).order();
    // The trained-order image shows the same entry at (order[15], order[0]).
    assertEquals(after.getRGB(15 * cell, 0), before.getRGB(order[15] * cell, order[0] * cell));
  }

  @Test
  void configTextHparamsAndStatusAreWritten() throws IOException {
    TfEventsReader.Contents c = writeSyntheticRun();
    String config = c.values(Tags.CONFIG_TEXT).get(0).getTensor().getStringVal(0).toStringUtf8();
    assertTrue(config.contains("| lr | 0.001 |"), config);
    assertTrue(config.contains("| widths | 128, 128 |"), config);
    assertTrue(config.contains("continuous-seed0"), config);
    assertEquals(List.of(0L), c.steps(Tags.CONFIG_TEXT));

    Summary.Value start = c.values(Summaries.SESSION_START_TAG).get(0);
    HParamsPluginData hp =
        HParamsPluginData.parseFrom(start.getMetadata().getPluginData().getContent());
    var map = hp.getSessionStartInfo().getHparamsMap();
    assertEquals("continuous", map.get("method").getStringValue());
    assertEquals("128,128", map.get("widths").getStringValue());
    assertEquals("256,256", map.get("target_widths").getStringValue());
    assertEquals(128, map.get("batch_size").getNumberValue());
    assertEquals("epoch 3", map.get("trigger").getStringValue());
    assertEquals("shift", map.get("affinity").getStringValue());
    assertEquals("ratio", map.get("energy").getStringValue());
    assertEquals("resample", map.get("optimizer_state").getStringValue());

    String status = c.values(Tags.STATUS_TEXT).get(0).getTensor().getStringVal(0).toStringUtf8();
    assertTrue(status.contains("completed"), status);
    HParamsPluginData end =
        HParamsPluginData.parseFrom(
            c.values(Summaries.SESSION_END_TAG).get(0).getMetadata().getPluginData().getContent());
    assertEquals(Status.STATUS_SUCCESS, end.getSessionEndInfo().getStatus());
  }

  @Test
  void eventsAfterRunEndAreRejectedBecauseTheWriterIsClosed() throws IOException {
    TensorBoardListener tb = new TensorBoardListener();
    writeSyntheticRun(tb);
    assertThrows(IllegalStateException.class, () -> tb.onStep(Fixtures.step(KEY, 7, 3, false)));
  }

  @Test
  void aRunDirectoryThatCannotBeCreatedFailsWithTheEventFileError() throws IOException {
    Path file = Files.writeString(tmp.resolve("not-a-directory"), "x");
    TensorBoardListener tb = new TensorBoardListener();
    UncheckedIOException e =
        assertThrows(
            UncheckedIOException.class,
            () -> tb.onRunStart(Fixtures.runStarted(KEY, file.resolve("run"), 3, 2)));
    assertTrue(e.getCause() instanceof EventFileException, String.valueOf(e.getCause()));
    assertTrue(e.getMessage().contains("not-a-directory"), e.getMessage());
    assertTrue(e.getMessage().contains("cannot write TensorBoard event file"), e.getMessage());
  }

  private static BufferedImage decode(Summary.Value v) throws IOException {
    Summary.Image img = v.getImage();
    BufferedImage decoded =
        ImageIO.read(new ByteArrayInputStream(img.getEncodedImageString().toByteArray()));
    assertEquals(img.getWidth(), decoded.getWidth());
    assertEquals(img.getHeight(), decoded.getHeight());
    return decoded;
  }
}
