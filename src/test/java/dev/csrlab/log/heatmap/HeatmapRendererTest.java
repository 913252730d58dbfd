package dev.csrlab.log.heatmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class HeatmapRendererTest {
  private static int r(int rgb) {
    return (rgb >> 16) & 0xff;
  }

  private static int g(int rgb) {
    return (rgb >> 8) & 0xff;
  }

  private static int b(int rgb) {
    return rgb & 0xff;
  }

  @Test
  void minusOneIsBlueZeroIsWhitePlusOneIsRed() {
    int blue = HeatmapRenderer.rgb(-1);
    int red = HeatmapRenderer.rgb(1);
    assertEquals(0xffffff, HeatmapRenderer.rgb(0));
    assertTrue(b(blue) > r(blue) + 50 && b(blue) > g(blue), Integer.toHexString(blue));
    assertTrue(r(red) > g(red) + 50 && r(red) > b(red), Integer.toHexString(red));
  }

  @Test
  void rangeIsFixedAndValuesOutsideAreClamped() {
    assertEquals(HeatmapRenderer.rgb(1), HeatmapRenderer.rgb(7.5));
    assertEquals(HeatmapRenderer.rgb(-1), HeatmapRenderer.rgb(-2));
    assertEquals(HeatmapRenderer.NAN_RGB, HeatmapRenderer.rgb(Double.NaN));
  }

  @Test
  void colourMapIsDivergingAndMonotoneOnEachSide() {
    // Moving away from 0 the colour only darkens: the sum of channels never increases.
    int prevPos = 3 * 255;
    int prevNeg = 3 * 255;
    for (int i = 1; i <= 100; i++) {
      int pos = HeatmapRenderer.rgb(i / 100.0);
      int neg = HeatmapRenderer.rgb(-i / 100.0);
      assertTrue(r(pos) + g(pos) + b(pos) <= prevPos);
      assertTrue(r(neg) + g(neg) + b(neg) <= prevNeg);
      assertTrue(r(pos) >= b(pos), "positive side is reddish at " + i);
      assertTrue(b(neg) >= r(neg), "negative side is bluish at " + i);
      prevPos = r(pos) + g(pos) + b(pos);
      prevNeg = r(neg) + g(neg) + b(neg);
    }
  }

  @Test
  void matrix128BecomesA512PixelHeatmapWithAColourBar() {
    float[] m = new float[128 * 128];
    m[0] = 1f;
    m[127] = -1f;
    BufferedImage plain = HeatmapRenderer.render(m, 128, 128, 4, false);
    assertEquals(512, plain.getWidth());
    assertEquals(512, plain.getHeight());
    assertEquals(HeatmapRenderer.rgb(1), plain.getRGB(3, 3) & 0xffffff);
    assertEquals(HeatmapRenderer.rgb(-1), plain.getRGB(127 * 4, 0) & 0xffffff);
    assertEquals(0xffffff, plain.getRGB(4, 0) & 0xffffff);

    BufferedImage withBar = HeatmapRenderer.render(m, 128, 128, 4, true);
    assertEquals(512, withBar.getHeight());
    assertTrue(withBar.getWidth() > 512 + 20 && withBar.getWidth() < 512 + 80);
    // The bar runs from red (top, +1) to blue (bottom, −1).
    int barX = 512 + 12;
    int top = withBar.getRGB(barX, 30) & 0xffffff;
    int bottom = withBar.getRGB(barX, 512 - 30) & 0xffffff;
    assertTrue(r(top) > b(top), Integer.toHexString(top));
    assertTrue(b(bottom) > r(bottom), Integer.toHexString(bottom));
  }

  @Test
  void largeMatricesShrinkCellsAndThenAverageBlocks() {
    assertEquals(1024, HeatmapRenderer.render(new float[512 * 512], 512, 512, 4, false).getWidth());
    int n = 2050; // > 1024: blocks of 3×3 cells, 684 grid cells of 1 px
    float[] m = new float[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        m[i * n + j] = i < 3 && j < 3 ? ((i + j) % 2 == 0 ? 1f : -0.5f) : 0.5f;
      }
    }
    BufferedImage img = HeatmapRenderer.render(m, n, n, 4, false);
    assertEquals(684, img.getWidth());
    assertEquals(684, img.getHeight());
    // Block (0,0) holds five 1s and four −0.5s: mean 1/3.
    assertEquals(HeatmapRenderer.rgb(1.0 / 3), img.getRGB(0, 0) & 0xffffff);
    assertEquals(HeatmapRenderer.rgb(0.5), img.getRGB(5, 5) & 0xffffff);
  }

  @Test
  void pngRoundTripsAndBadShapesAreRejectedClearly() throws IOException {
    BufferedImage img = HeatmapRenderer.render(new float[] {1, 0, 0, -1, 0.5f, 0}, 2, 3, 5, true);
    BufferedImage back = ImageIO.read(new ByteArrayInputStream(HeatmapRenderer.png(img)));
    assertEquals(img.getWidth(), back.getWidth());
    assertEquals(img.getRGB(0, 0), back.getRGB(0, 0));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> HeatmapRenderer.render(new float[5], 2, 3, 4, false));
    assertTrue(e.getMessage().contains("2×3"), e.getMessage());
  }
}
