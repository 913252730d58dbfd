package dev.csrlab.ui.chart;

import java.awt.Color;

/**
 * One colour per variant, in config order, shared by every chart and export (A blue, B orange,
 * C green as in most plots of the Net2Net literature; then the Tableau-10 sequence).
 */
public final class VariantPalette {
  private static final Color[] COLOURS = {
    new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
    new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
    new Color(0xbcbd22), new Color(0x17becf)
  };

  private VariantPalette() {}

  public static Color colour(int variantIndex) {
    return COLOURS[Math.floorMod(variantIndex, COLOURS.length)];
  }

  /** CSS form for JavaFX nodes (legend swatches, table cells). */
  public static String css(int variantIndex) {
    Color c = colour(variantIndex);
    return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
  }
}
