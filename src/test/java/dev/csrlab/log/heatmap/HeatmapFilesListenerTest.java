package dev.csrlab.log.heatmap;

import static dev.csrlab.log.Fixtures.KEY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.csrlab.growth.LayerWidening;
import dev.csrlab.log.Fixtures;
import dev.csrlab.train.WideningEvent;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeatmapFilesListenerTest {
  /** Set -Dcsrlab.keepEvents=DIR to keep the files for a look. */
  private static final String KEEP = System.getProperty("csrlab.keepEvents");

  @TempDir Path tmp;

  @Test
  void wideningSavesMatricesOrderAndHeatmapsInTheRunDirectory() throws IOException {
    Path runDir =
        KEEP == null
            ? tmp
            : Files.createDirectories(Path.of(KEEP, "heatmaps-" + System.nanoTime()));
    HeatmapFilesListener l = new HeatmapFilesListener();
    l.onRunStart(Fixtures.runStarted(KEY, runDir, 10, 3));
    WideningEvent e = Fixtures.widening(KEY, 30, 128);
    l.onWidening(e);

    LayerWidening layer = e.layers().get(0);
    byte[] npy = Files.readAllBytes(runDir.resolve("similarity-hidden1-before.npy"));
    String header = new String(npy, 0, 128, StandardCharsets.ISO_8859_1);
    assertTrue(header.contains("'descr': '<f4'") && header.contains("(128, 128)"), header);
    ByteBuffer data = ByteBuffer.wrap(npy, 128, npy.length - 128).order(ByteOrder.LITTLE_ENDIAN);
    float[] back = new float[128 * 128];
    data.asFloatBuffer().get(back);
    assertArrayEquals(layer.similarity(), back);

    byte[] order = Files.readAllBytes(runDir.resolve("similarity-hidden2-order.npy"));
    ByteBuffer ob = ByteBuffer.wrap(order, 128, order.length - 128).order(ByteOrder.LITTLE_ENDIAN);
    int[] orderBack = new int[128];
    ob.asIntBuffer().get(orderBack);
    assertArrayEquals(e.layers().get(1).order(), orderBack);
    assertTrue(Files.exists(runDir.resolve("fiedler-hidden1.npy")));

    for (String name :
        List.of(
            "heatmap-hidden1-before.png",
            "heatmap-hidden1-after.png",
            "heatmap-hidden2-before.png",
            "heatmap-hidden2-after.png")) {
      BufferedImage img = ImageIO.read(runDir.resolve(name).toFile());
      assertEquals(512, img.getHeight(), name);
    }
  }

  @Test
  void existingFilesAreNeverOverwritten() throws IOException {
    HeatmapFilesListener l = new HeatmapFilesListener();
    l.onRunStart(Fixtures.runStarted(KEY, tmp, 10, 3));
    l.onWidening(Fixtures.widening(KEY, 30, 8));
    byte[] first = Files.readAllBytes(tmp.resolve("similarity-hidden1-before.npy"));
    l.onWidening(Fixtures.widening(KEY, 40, 8));
    assertArrayEquals(first, Files.readAllBytes(tmp.resolve("similarity-hidden1-before.npy")));
    assertTrue(Files.exists(tmp.resolve("similarity-hidden1-before-step40.npy")));
    assertTrue(Files.exists(tmp.resolve("heatmap-hidden2-after-step40.png")));
  }

  @Test
  void layersWithoutSimilarityWriteNothing() throws IOException {
    HeatmapFilesListener l = new HeatmapFilesListener();
    l.onRunStart(Fixtures.runStarted(KEY, tmp, 10, 3));
    LayerWidening none =
        new LayerWidening(
            1, 8, 16, new int[0], new float[0], new double[0], Double.NaN, Double.NaN, Double.NaN);
    WideningEvent w = Fixtures.widening(KEY, 30, 8);
    l.onWidening(
        new WideningEvent(
            KEY, 30, "epoch 3", 0, 0, 0, 0, 0, 0, 0, 0, List.of(none), w.energyScale(), null));
    try (var files = Files.list(tmp)) {
      assertEquals(0, files.count());
    }
  }
}
