package dev.csrlab.ui.heatmap;

import dev.csrlab.log.heatmap.HeatmapRenderer;
import java.awt.image.BufferedImage;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;

/**
 * FX images from the lab's one heatmap renderer, so the window, the run-directory PNGs and the
 * exports share the −1..+1 colour scale.
 */
public final class HeatmapImages {
  private HeatmapImages() {}

  /** One pixel per cell (the canvas scales it up without smoothing). */
  public static Image matrix(float[] m, int n) {
    BufferedImage img = HeatmapRenderer.render(m, n, n, 1, false);
    return SwingFXUtils.toFXImage(img, null);
  }

  /** A vertical colour bar, +1 at the top, −1 at the bottom. */
  public static Image legend(int width, int height) {
    WritableImage img = new WritableImage(width, height);
    PixelWriter w = img.getPixelWriter();
    for (int y = 0; y < height; y++) {
      double v = 1 - 2.0 * y / (height - 1);
      int argb = 0xff000000 | HeatmapRenderer.rgb(v);
      for (int x = 0; x < width; x++) {
        w.setArgb(x, y, argb);
      }
    }
    return img;
  }

  /** A 28×28 weight image, scaled so the largest |weight| of {@code scale} is full colour. */
  public static Image weights(float[] pixels, double scale) {
    WritableImage img = new WritableImage(28, 28);
    PixelWriter w = img.getPixelWriter();
    for (int i = 0; i < 784; i++) {
      double v = scale > 0 ? pixels[i] / scale : 0;
      w.setArgb(i % 28, i / 28, 0xff000000 | HeatmapRenderer.rgb(v));
    }
    return img;
  }
}
