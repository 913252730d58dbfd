package dev.csrlab.log.heatmap;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Draws a matrix of cosine similarities as a heatmap (TensorBoard images, run-directory PNGs, the
 * GUI's inspector and exports all use this one renderer). Pure AWT, so it works headless.
 *
 * <p>The colour range is FIXED to −1..+1 for every matrix, so two heatmaps (before/after, or two
 * runs) compare by eye: blue −1, white 0, red +1 (matplotlib's RdBu_r with a pure white centre).
 * Values outside are clamped, NaN is grey. Each cell becomes a square of {@code cellPixels}; the
 * image is kept within {@link #MAX_PIXELS} per side by shrinking cells, and for matrices larger
 * than that by averaging square blocks of cells.
 */
public final class HeatmapRenderer {
  /** Largest side, in pixels, of the matrix part of an image. */
  public static final int MAX_PIXELS = 1024;

  /** 4 px per cell: a 128×128 matrix becomes 512×512. */
  public static final int DEFAULT_CELL_PIXELS = 4;

  static final int NAN_RGB = 0x808080;
  private static final int BAR_GAP = 8;
  private static final int BAR_WIDTH = 14;
  private static final int LABEL_GAP = 6;
  private static final int MIN_BAR_HEIGHT = 64;
  private static final int MARGIN = 6;

  /** RdBu_r (ColorBrewer) from −1 to +1; the centre is pure white instead of #f7f7f7. */
  private static final int[] ANCHORS = {
    0x053061, 0x2166ac, 0x4393c3, 0x92c5de, 0xd1e5f0, 0xffffff, 0xfddbc7, 0xf4a582, 0xd6604d,
    0xb2182b, 0x67001f
  };

  private HeatmapRenderer() {}

  /**
   * Renders a row-major {@code rows×cols} matrix.
   *
   * @param cellPixels pixels per cell side (shrunk if the image would exceed {@link #MAX_PIXELS})
   * @param colourBar add a labelled −1/0/+1 colour bar at the right
   */
  public static BufferedImage render(
      float[] matrix, int rows, int cols, int cellPixels, boolean colourBar) {
    if (rows <= 0 || cols <= 0 || cellPixels <= 0) {
      throw new IllegalArgumentException(
          "heatmap needs rows, cols and cellPixels > 0, got "
              + rows
              + ", "
              + cols
              + ", "
              + cellPixels);
    }
    if (matrix.length != (long) rows * cols) {
      throw new IllegalArgumentException(
          "heatmap matrix has "
              + matrix.length
              + " values, expected rows×cols = "
              + rows
              + "×"
              + cols);
    }
    int block = (Math.max(rows, cols) + MAX_PIXELS - 1) / MAX_PIXELS;
    int gridRows = (rows + block - 1) / block;
    int gridCols = (cols + block - 1) / block;
    int cell = Math.max(1, Math.min(cellPixels, MAX_PIXELS / Math.max(gridRows, gridCols)));
    int mapW = gridCols * cell;
    int mapH = gridRows * cell;
    int width =
        colourBar
            ? mapW + BAR_GAP + BAR_WIDTH + LABEL_GAP + BitmapDigits.width("+1") + MARGIN
            : mapW;
    int height = colourBar ? Math.max(mapH, MIN_BAR_HEIGHT) : mapH;
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    fill(img, 0xffffff);
    for (int gr = 0; gr < gridRows; gr++) {
      for (int gc = 0; gc < gridCols; gc++) {
        int rgb = rgb(blockMean(matrix, rows, cols, block, gr, gc));
        for (int y = gr * cell; y < (gr + 1) * cell; y++) {
          for (int x = gc * cell; x < (gc + 1) * cell; x++) {
            img.setRGB(x, y, rgb);
          }
        }
      }
    }
    if (colourBar) {
      drawColourBar(img, mapW + BAR_GAP, height);
    }
    return img;
  }

  /** Colour of a similarity: −1 blue, 0 white, +1 red; clamped to −1..1; NaN grey. */
  public static int rgb(double value) {
    if (Double.isNaN(value)) {
      return NAN_RGB;
    }
    double v = Math.max(-1.0, Math.min(1.0, value));
    double pos = (v + 1.0) / 2.0 * (ANCHORS.length - 1);
    int k = Math.min((int) Math.floor(pos), ANCHORS.length - 2);
    double t = pos - k;
    return mix(ANCHORS[k], ANCHORS[k + 1], t);
  }

  /** PNG bytes of an image (in memory, so an I/O error means a broken encoder). */
  public static byte[] png(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    // In memory, not ImageIO's default file cache: that one registers a shutdown hook, which
    // fails while Ctrl-C/SIGTERM is stopping a run.
    try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
      if (!ImageIO.write(image, "png", ios)) {
        throw new IllegalStateException("no PNG encoder for image type " + image.getType());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("PNG encoding failed", e);
    }
    return out.toByteArray();
  }

  /** Mean of the finite-or-infinite (non-NaN) values of one block; NaN if all are NaN. */
  private static double blockMean(float[] m, int rows, int cols, int block, int gr, int gc) {
    double sum = 0;
    int n = 0;
    for (int r = gr * block; r < Math.min(rows, (gr + 1) * block); r++) {
      for (int c = gc * block; c < Math.min(cols, (gc + 1) * block); c++) {
        float v = m[r * cols + c];
        if (!Float.isNaN(v)) {
          sum += v;
          n++;
        }
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  private static void drawColourBar(BufferedImage img, int x0, int height) {
    int top = MARGIN + BitmapDigits.HEIGHT / 2;
    int bottom = height - 1 - MARGIN - BitmapDigits.HEIGHT / 2;
    for (int y = top; y <= bottom; y++) {
      // top = +1, bottom = −1
      int rgb = rgb(1.0 - 2.0 * (y - top) / (double) (bottom - top));
      for (int x = x0; x < x0 + BAR_WIDTH; x++) {
        img.setRGB(x, y, rgb);
      }
    }
    Graphics2D g = img.createGraphics();
    g.setColor(Color.BLACK);
    g.drawRect(x0, top, BAR_WIDTH - 1, bottom - top);
    int labelX = x0 + BAR_WIDTH + LABEL_GAP;
    int mid = (top + bottom) / 2;
    for (int y : new int[] {top, mid, bottom}) {
      g.drawLine(x0 + BAR_WIDTH, y, x0 + BAR_WIDTH + 2, y);
    }
    g.dispose();
    BitmapDigits.draw(img, "+1", labelX, top - BitmapDigits.HEIGHT / 2, 0x000000);
    BitmapDigits.draw(img, "0", labelX, mid - BitmapDigits.HEIGHT / 2, 0x000000);
    BitmapDigits.draw(img, "-1", labelX, bottom - BitmapDigits.HEIGHT / 2, 0x000000);
  }

  private static void fill(BufferedImage img, int rgb) {
    Graphics2D g = img.createGraphics();
    g.setColor(new Color(rgb));
    g.fillRect(0, 0, img.getWidth(), img.getHeight());
    g.dispose();
  }

  private static int mix(int a, int b, double t) {
    int r = channel(a >> 16, b >> 16, t);
    int g = channel(a >> 8, b >> 8, t);
    int bl = channel(a, b, t);
    return (r << 16) | (g << 8) | bl;
  }

  private static int channel(int a, int b, double t) {
    int x = a & 0xff;
    int y = b & 0xff;
    return (int) Math.round(x + (y - x) * t);
  }
}
