package dev.csrlab.log.heatmap;

import dev.csrlab.growth.LayerWidening;
import dev.csrlab.nn.DenseLayer;
import dev.csrlab.log.Npy;
import dev.csrlab.train.RunFinished;
import dev.csrlab.train.RunKey;
import dev.csrlab.train.RunStarted;
import dev.csrlab.train.TrainingListener;
import dev.csrlab.train.WideningEvent;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Saves, at widening, each seriated layer's matrices into the run directory (SPEC §5 "the heatmap
 * matrices"), for numpy and for the GUI's inspector:
 *
 * <ul>
 *   <li>{@code similarity-hidden<l>-before.npy}: float32 n×n cosine similarity, trained order;
 *   <li>{@code similarity-hidden<l>-order.npy}: int32 order (order[i] = trained index of the unit
 *       at position i; {@code S[order][:, order]} is the "after" matrix);
 *   <li>{@code fiedler-hidden<l>.npy}: float64 Fiedler vector in trained order, when computed;
 *   <li>{@code heatmap-hidden<l>-before.png}, {@code -after.png}: the rendered heatmaps.
 * </ul>
 *
 * Nothing is overwritten: should a name exist already, {@code -step<N>} is added to it.
 */
public final class HeatmapFilesListener implements TrainingListener {
  private final Map<RunKey, Path> runDirs = new ConcurrentHashMap<>();
  private final int cellPixels;

  public HeatmapFilesListener() {
    this(HeatmapRenderer.DEFAULT_CELL_PIXELS);
  }

  public HeatmapFilesListener(int cellPixels) {
    this.cellPixels = cellPixels;
  }

  @Override
  public void onRunStart(RunStarted e) {
    runDirs.put(e.key(), e.runDir());
  }

  @Override
  public void onRunEnd(RunFinished e) {
    runDirs.remove(e.key());
  }

  @Override
  public void onWidening(WideningEvent e) {
    Path dir = runDirs.get(e.key());
    if (dir == null) {
      throw new IllegalStateException("heatmap files: widening of run " + e.key()
          + " before its RunStarted");
    }
    for (LayerWidening layer : e.layers()) {
      int n = layer.fromWidth();
      if (n > 0 && layer.similarity().length == n * n) {
        save(dir, layer, e.step());
      }
    }
    if (e.modelBefore() != null) {
      saveIncoming(dir, e.modelBefore().layers().get(0), e.step());
    }
  }

  /** Layer-1 incoming weights of the small model, [units, 784]: each row is a 28×28 image. */
  private void saveIncoming(Path dir, DenseLayer first, long step) {
    Path file = null;
    try {
      file = fresh(dir, "weights-hidden1-incoming", ".npy", step);
      Npy.writeFloat32(file, first.weight(), first.outFeatures(), first.inFeatures());
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot write " + file + ": " + ex.getMessage(), ex);
    }
  }

  private void save(Path dir, LayerWidening layer, long step) {
    int n = layer.fromWidth();
    String h = "hidden" + layer.hidden();
    Path file = null;
    try {
      file = fresh(dir, "similarity-" + h + "-before", ".npy", step);
      Npy.writeFloat32(file, layer.similarity(), n, n);
      if (layer.order().length == n) {
        file = fresh(dir, "similarity-" + h + "-order", ".npy", step);
        Npy.writeInt32(file, layer.order(), n);
      }
      if (layer.fiedler().length == n) {
        file = fresh(dir, "fiedler-" + h, ".npy", step);
        Npy.writeFloat64(file, layer.fiedler(), n);
      }
      file = fresh(dir, "heatmap-" + h + "-before", ".png", step);
      writePng(file, HeatmapRenderer.render(layer.similarity(), n, n, cellPixels, true));
      file = fresh(dir, "heatmap-" + h + "-after", ".png", step);
      writePng(file, HeatmapRenderer.render(layer.sortedSimilarity(), n, n, cellPixels, true));
    } catch (IOException ex) {
      throw new UncheckedIOException(
          "cannot write heatmap file " + file + ": " + ex.getMessage(), ex);
    }
  }

  private static void writePng(Path file, BufferedImage img) throws IOException {
    Files.write(file, HeatmapRenderer.png(img), StandardOpenOption.CREATE_NEW);
  }

  /** {@code base+ext}, or {@code base-step<N>+ext} if that name is taken. */
  static Path fresh(Path dir, String base, String ext, long step) {
    Path p = dir.resolve(base + ext);
    return Files.exists(p) ? dir.resolve(base + "-step" + step + ext) : p;
  }
}
