package dev.csrlab.growth;

import dev.csrlab.nn.DenseLayer;
import java.util.Arrays;

/**
 * A linear map M (to × from) from the units of a hidden layer to its new units, stored row by row
 * as taps: new unit i = Σ_t weight[i][t] · old unit source[i][t]. Every widening method is one or
 * two such maps (SPEC §1.1–1.2): incoming rows {@code W_l' = M·W_l}, {@code b_l' = M·b_l}, outgoing
 * columns {@code W_{l+1}' = W_{l+1}·Nᵀ}. Interpolation and replication have one or two taps per
 * row, so applying them costs O(to·fan) rather than a dense product; {@code pinv} rows are dense.
 * Arithmetic is in double, results are stored as float.
 */
public final class UnitMap {
  private final int from;
  private final int[][] sources;
  private final double[][] weights;

  private UnitMap(int from, int[][] sources, double[][] weights) {
    this.from = from;
    this.sources = sources;
    this.weights = weights;
  }

  /** A map from its rows; row i lists the source units and their weights (may be empty). */
  public static UnitMap ofRows(int from, int[][] sources, double[][] weights) {
    if (sources.length != weights.length) {
      throw new IllegalArgumentException("sources and weights need one row per new unit");
    }
    for (int i = 0; i < sources.length; i++) {
      if (sources[i].length != weights[i].length) {
        throw new IllegalArgumentException("row " + i + ": sources and weights differ in length");
      }
      for (int s : sources[i]) {
        if (s < 0 || s >= from) {
          throw new IllegalArgumentException(
              "row " + i + ": source " + s + " outside [0," + from + ")");
        }
      }
    }
    return new UnitMap(from, sources, weights);
  }

  /**
   * New unit i is old unit {@code picks[i]} (a permutation, a Net2Net mapping g, nearest kernel).
   */
  public static UnitMap selection(int from, int[] picks) {
    int[][] s = new int[picks.length][];
    double[][] w = new double[picks.length][];
    for (int i = 0; i < picks.length; i++) {
      s[i] = new int[] {picks[i]};
      w[i] = new double[] {1};
    }
    return ofRows(from, s, w);
  }

  public static UnitMap identity(int n) {
    int[] id = new int[n];
    Arrays.setAll(id, i -> i);
    return selection(n, id);
  }

  /** A dense map from a row-major (to × from) matrix; exact zeros are dropped. */
  public static UnitMap dense(int to, int from, double[] rowMajor) {
    int[][] s = new int[to][];
    double[][] w = new double[to][];
    for (int i = 0; i < to; i++) {
      int nz = 0;
      for (int j = 0; j < from; j++) {
        nz += rowMajor[i * from + j] != 0 ? 1 : 0;
      }
      s[i] = new int[nz];
      w[i] = new double[nz];
      int t = 0;
      for (int j = 0; j < from; j++) {
        if (rowMajor[i * from + j] != 0) {
          s[i][t] = j;
          w[i][t++] = rowMajor[i * from + j];
        }
      }
    }
    return ofRows(from, s, w);
  }

  public int from() {
    return from;
  }

  public int to() {
    return sources.length;
  }

  /** M as a dense row-major (to × from) matrix. */
  public double[] toDense() {
    double[] d = new double[to() * from];
    for (int i = 0; i < to(); i++) {
      for (int t = 0; t < sources[i].length; t++) {
        d[i * from + sources[i][t]] += weights[i][t];
      }
    }
    return d;
  }

  public double rowSum(int i) {
    double s = 0;
    for (double v : weights[i]) {
      s += v;
    }
    return s;
  }

  public UnitMap scaled(double c) {
    double[] f = new double[to()];
    Arrays.fill(f, c);
    return rowsScaled(f);
  }

  /** diag(f)·M: row i multiplied by f[i]. */
  public UnitMap rowsScaled(double[] f) {
    if (f.length != to()) {
      throw new IllegalArgumentException(
          "need one factor per new unit: " + f.length + " ≠ " + to());
    }
    double[][] w = new double[to()][];
    for (int i = 0; i < to(); i++) {
      w[i] = weights[i].clone();
      for (int t = 0; t < w[i].length; t++) {
        w[i][t] *= f[i];
      }
    }
    return new UnitMap(from, sources, w);
  }

  /** This map after {@code first}: (this · first), from first's sources to this map's rows. */
  public UnitMap after(UnitMap first) {
    if (first.to() != from) {
      throw new IllegalArgumentException(
          "cannot compose: inner map gives " + first.to() + " units, outer takes " + from);
    }
    double[] acc = new double[first.from];
    boolean[] touched = new boolean[first.from];
    int[] list = new int[first.from];
    int[][] s = new int[to()][];
    double[][] w = new double[to()][];
    for (int i = 0; i < to(); i++) {
      int count = 0;
      for (int t = 0; t < sources[i].length; t++) {
        int k = sources[i][t];
        for (int u = 0; u < first.sources[k].length; u++) {
          int src = first.sources[k][u];
          if (!touched[src]) {
            touched[src] = true;
            list[count++] = src;
          }
          acc[src] += weights[i][t] * first.weights[k][u];
        }
      }
      Arrays.sort(list, 0, count);
      s[i] = Arrays.copyOf(list, count);
      w[i] = new double[count];
      for (int u = 0; u < count; u++) {
        w[i][u] = acc[list[u]];
        acc[list[u]] = 0;
        touched[list[u]] = false;
      }
    }
    return new UnitMap(first.from, s, w);
  }

  /** Rows of {@code layer} (the units' incoming weights and biases) mapped: (M·W, M·b). */
  public DenseLayer applyToRows(DenseLayer layer, boolean clampNonNegative) {
    requireUnits(layer.outFeatures(), "rows");
    int in = layer.inFeatures();
    float[] w = new float[to() * in];
    float[] b = new float[to()];
    double[] acc = new double[in];
    for (int i = 0; i < to(); i++) {
      Arrays.fill(acc, 0);
      double bias = 0;
      for (int t = 0; t < sources[i].length; t++) {
        int src = sources[i][t] * in;
        double c = weights[i][t];
        for (int j = 0; j < in; j++) {
          acc[j] += c * layer.weight()[src + j];
        }
        bias += c * layer.bias()[sources[i][t]];
      }
      for (int j = 0; j < in; j++) {
        w[i * in + j] = store(acc[j], clampNonNegative);
      }
      b[i] = store(bias, clampNonNegative);
    }
    return new DenseLayer(to(), in, w, b);
  }

  /** Columns of {@code layer} (the units' outgoing weights) mapped: W·Mᵀ; bias unchanged. */
  public DenseLayer applyToColumns(DenseLayer layer, boolean clampNonNegative) {
    requireUnits(layer.inFeatures(), "columns");
    int rows = layer.outFeatures();
    int n = layer.inFeatures();
    float[] w = new float[rows * to()];
    for (int r = 0; r < rows; r++) {
      for (int i = 0; i < to(); i++) {
        double s = 0;
        for (int t = 0; t < sources[i].length; t++) {
          s += weights[i][t] * layer.weight()[r * n + sources[i][t]];
        }
        w[r * to() + i] = store(s, clampNonNegative);
      }
    }
    return new DenseLayer(rows, to(), w, layer.bias().clone());
  }

  private void requireUnits(int units, String what) {
    if (units != from) {
      throw new IllegalArgumentException(
          "map takes " + from + " units but the layer has " + units + " " + what);
    }
  }

  /** Second moments are non-negative; a map with negative taps (pinv) could make them negative. */
  private static float store(double v, boolean clampNonNegative) {
    return (float) (clampNonNegative ? Math.max(0, v) : v);
  }
}
