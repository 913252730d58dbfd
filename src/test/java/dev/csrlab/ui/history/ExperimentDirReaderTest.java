package dev.csrlab.ui.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.csrlab.config.ConfigJson;
import dev.csrlab.config.ExperimentConfig;
import dev.csrlab.growth.LayerWidening;
import dev.csrlab.train.Phase;
import dev.csrlab.train.RunKey;
import dev.csrlab.ui.session.Criterion;
import dev.csrlab.ui.session.RunSeries;
import dev.csrlab.ui.session.Session;
import dev.csrlab.ui.session.WideningInfo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentDirReaderTest {
  @TempDir Path dir;

  static void writeNpy(Path f, String descr, int[] shape, ByteBuffer data) throws IOException {
    String shapeText =
        shape.length == 1 ? "(" + shape[0] + ",)" : "(" + shape[0] + ", " + shape[1] + ")";
    StringBuilder h =
        new StringBuilder(
            "{'descr': '"
                + descr
                + "', 'fortran_order': False, "
                + "'shape': "
                + shapeText
                + ", }");
    while ((10 + h.length() + 1) % 64 != 0) {
      h.append(' ');
    }
    h.append('\n');
    ByteBuffer out =
        ByteBuffer.allocate(10 + h.length() + data.capacity()).order(ByteOrder.LITTLE_ENDIAN);
    out.put((byte) 0x93)
        .put("NUMPY".getBytes(StandardCharsets.US_ASCII))
        .put((byte) 1)
        .put((byte) 0)
        .putShort((short) h.length())
        .put(h.toString().getBytes(StandardCharsets.US_ASCII))
        .put(data.array());
    Files.write(f, out.array());
  }

  private void writeExperiment() throws IOException {
    ConfigJson.write(ExperimentConfig.defaults(), dir.resolve("config.json"));
    Files.writeString(
        dir.resolve("summary.json"),
        """
        {"schemaVersion": 1, "runs": [
          {"variant": "scratch", "method": "scratch", "seed": 0, "status": "completed",
           "widening_step": -1, "shock": null, "recovery_steps": -1, "recovered": false,
           "final_test_accuracy": 0.981, "path_similarity": []},
          {"variant": "continuous", "method": "continuous", "seed": 0, "status": "completed",
           "widening_step": 3, "trigger": "step 3", "shock": 0.25, "peak_shock": 0.4,
           "function_error": 0.12, "recovery_steps": 17, "recovered": true,
           "final_test_accuracy": 0.979,
           "path_similarity": [{"hidden": 1, "before": 1.5, "after": 2.5, "random": 0.25}]}],
         "criteria": [
          {"criterion": 1, "claim": "C's expansion shock is lower than B's",
           "outcome": "not distinguishable", "test": "paired t-test",
           "numbers": {"n": 1.0}, "sentence": "With one seed no test is possible.", "note": "x"},
          {"criterion": 3, "claim": "C is non-inferior", "outcome": "fails", "sentence": "s"}]}
        """);
    Path a = Files.createDirectory(dir.resolve("scratch-seed0"));
    Files.writeString(
        a.resolve("metrics.csv"),
        "step,epoch,train_loss,val_loss,val_acc,lr,phase\n"
            + "1,1,2.3,2.2,0.1,0.001,wide\n2,1,2.0,1.9,0.3,0.001,wide\n3,1,1.8,1.7,0.4,0.0");
    Path c = Files.createDirectory(dir.resolve("continuous-seed0"));
    Files.writeString(
        c.resolve("metrics.csv"),
        "step,epoch,train_loss,val_loss,val_acc,lr,phase\n"
            + "1,1,2.3,2.2,0.1,0.001,small\n2,1,2.0,1.9,0.3,0.001,small\n"
            + "3,1,1.8,1.7,0.4,0.001,small\n4,2,2.5,2.4,0.2,0.001,wide\n");
    ByteBuffer sim = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
    sim.putFloat(1f).putFloat(-0.5f).putFloat(-0.5f).putFloat(1f);
    writeNpy(c.resolve("similarity-hidden1-before.npy"), "<f4", new int[] {2, 2}, sim);
    ByteBuffer order = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    order.putInt(1).putInt(0);
    writeNpy(c.resolve("similarity-hidden1-order.npy"), "<i4", new int[] {2}, order);
    ByteBuffer fiedler = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
    fiedler.putDouble(0.7).putDouble(-0.7);
    writeNpy(c.resolve("fiedler-hidden1.npy"), "<f8", new int[] {2}, fiedler);
  }

  @Test
  void readsCurvesResultsCriteriaAndHeatmaps() throws IOException {
    writeExperiment();
    List<String> warnings = new ArrayList<>();
    Session s = ExperimentDirReader.read(dir, warnings);
    assertEquals(ExperimentConfig.defaults(), s.config());
    RunSeries a = s.series(new RunKey("scratch", 0));
    assertEquals(2, a.size(), "the truncated last row is skipped");
    assertEquals(1.9, a.valLoss()[1]);
    RunSeries c = s.series(new RunKey("continuous", 0));
    assertEquals(4, c.size());
    assertEquals(Phase.WIDE, c.phaseAt(3));
    assertEquals(2, s.results().size());
    WideningInfo w = s.widenings().get(new RunKey("continuous", 0));
    assertEquals(3, w.step());
    LayerWidening l = w.layers().get(0);
    assertArrayEquals(new int[] {1, 0}, l.order());
    assertArrayEquals(new float[] {1f, -0.5f, -0.5f, 1f}, l.similarity());
    assertArrayEquals(new double[] {0.7, -0.7}, l.fiedler());
    assertEquals(2.5, l.pathAfter());
    assertEquals(256, l.toWidth(), "target width from config.json");
    List<Criterion> crit = s.criteria();
    assertEquals("C's expansion shock is lower than B's", crit.get(0).name());
    assertEquals("not distinguishable", crit.get(0).verdict());
    assertEquals("With one seed no test is possible.", crit.get(0).detail());
    assertEquals(Boolean.FALSE, crit.get(1).holds());
    assertTrue(warnings.isEmpty(), warnings.toString());
  }

  @Test
  void anUnfinishedExperimentStillOpensWithAWarning() throws IOException {
    writeExperiment();
    Files.delete(dir.resolve("summary.json"));
    List<String> warnings = new ArrayList<>();
    Session s = ExperimentDirReader.read(dir, warnings);
    assertTrue(warnings.stream().anyMatch(w -> w.contains("no summary.json")), warnings.toString());
    // Without a summary the widening step comes from the phase column (last SMALL row).
    assertEquals(3, s.widenings().get(new RunKey("continuous", 0)).step());
    assertTrue(s.results().isEmpty());
  }

  @Test
  void aBrokenMatrixIsSkippedWithAWarning() throws IOException {
    writeExperiment();
    Files.writeString(dir.resolve("continuous-seed0/similarity-hidden1-before.npy"), "garbage");
    List<String> warnings = new ArrayList<>();
    Session s = ExperimentDirReader.read(dir, warnings);
    assertTrue(
        warnings.stream().anyMatch(w -> w.contains("is not a .npy file")), warnings.toString());
    assertTrue(s.widenings().get(new RunKey("continuous", 0)).layers().isEmpty());
  }

  @Test
  void notADirectoryIsAClearError() {
    IOException e =
        assertThrows(
            IOException.class,
            () -> ExperimentDirReader.read(dir.resolve("nope"), new ArrayList<>()));
    assertTrue(e.getMessage().contains("not a directory"));
    assertFalse(ExperimentDirReader.isExperimentDir(dir));
  }
}
