package dev.csrlab.ui.chart;

/** The first {@code size} entries of x/y: one chart series after smoothing and downsampling. */
public record Points(double[] x, double[] y, int size) {
  public static final Points EMPTY = new Points(new double[0], new double[0], 0);
}
