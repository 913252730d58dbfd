package dev.csrlab.log.heatmap;

import java.awt.image.BufferedImage;

/**
 * A tiny 3×5 pixel font (scaled ×2) for the colour-bar labels "+1", "0", "−1". Drawn pixel by pixel
 * so labels look the same on every machine, including headless CI hosts without fonts.
 */
final class BitmapDigits {
  static final int SCALE = 2;
  static final int HEIGHT = 5 * SCALE;
  private static final int GLYPH_WIDTH = 3 * SCALE;
  private static final int SPACING = SCALE;

  private BitmapDigits() {}

  /** Width in pixels of {@code text} drawn with this font. */
  static int width(String text) {
    return text.length() * GLYPH_WIDTH + Math.max(0, text.length() - 1) * SPACING;
  }

  /** Draws {@code text} (characters + - 0 1 only) with its top-left corner at (x, y). */
  static void draw(BufferedImage img, String text, int x, int y, int rgb) {
    int cx = x;
    for (char ch : text.toCharArray()) {
      String[] rows = glyph(ch);
      for (int r = 0; r < rows.length; r++) {
        for (int c = 0; c < 3; c++) {
          if (rows[r].charAt(c) == '#') {
            fillCell(img, cx + c * SCALE, y + r * SCALE, rgb);
          }
        }
      }
      cx += GLYPH_WIDTH + SPACING;
    }
  }

  private static void fillCell(BufferedImage img, int x, int y, int rgb) {
    for (int dy = 0; dy < SCALE; dy++) {
      for (int dx = 0; dx < SCALE; dx++) {
        int px = x + dx;
        int py = y + dy;
        if (px >= 0 && py >= 0 && px < img.getWidth() && py < img.getHeight()) {
          img.setRGB(px, py, rgb);
        }
      }
    }
  }

  private static String[] glyph(char ch) {
    return switch (ch) {
      case '+' -> new String[] {"...", ".#.", "###", ".#.", "..."};
      case '-' -> new String[] {"...", "...", "###", "...", "..."};
      case '0' -> new String[] {"###", "#.#", "#.#", "#.#", "###"};
      case '1' -> new String[] {".#.", "##.", ".#.", ".#.", "###"};
      default -> throw new IllegalArgumentException("no glyph for '" + ch + "'");
    };
  }
}
