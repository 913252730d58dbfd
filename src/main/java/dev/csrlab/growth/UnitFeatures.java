package dev.csrlab.growth;

import dev.csrlab.config.Options.Features;
import dev.csrlab.nn.DenseLayer;
import dev.csrlab.nn.MlpWeights;
import java.util.stream.IntStream;

/**
 * The feature vectors of a hidden layer's units, row-normalised (SPEC §1.2 step 1), so that the
 * cosine similarity is S = F̂·F̂ᵀ. A zero-norm unit keeps a zero row: its similarity to every unit,
 * itself included, is 0. Everything the seriation needs besides the Fiedler solve (adjacent
 * cosines, the random-order expectation) comes from F̂ in O(n·d) without forming S.
 */
public final class UnitFeatures {
  private final int n;
  private final int d;
  private final double[] unit;

  private UnitFeatures(int n, int d, double[] normalised) {
    this.n = n;
    this.d = d;
    this.unit = normalised;
  }

  /**
   * Features of hidden layer {@code hidden} (1-based): incoming row {@code W_l[i,:]}, then
   * optionally the bias {@code b_l[i]}, then optionally the outgoing column {@code W_{l+1}[:,i]}.
   */
  public static UnitFeatures of(MlpWeights w, int hidden, Features kind) {
    if (hidden < 1 || hidden >= w.layers().size()) {
      throw new IllegalArgumentException(
          "hidden layer "
              + hidden
              + " does not exist; this MLP has "
              + (w.layers().size() - 1)
              + " hidden layers (1-based)");
    }
    DenseLayer inLayer = w.layers().get(hidden - 1);
    DenseLayer outLayer = w.layers().get(hidden);
    int n = inLayer.outFeatures();
    int in = inLayer.inFeatures();
    boolean bias = kind != Features.IN;
    boolean out = kind == Features.IN_BIAS_OUT;
    int d = in + (bias ? 1 : 0) + (out ? outLayer.outFeatures() : 0);
    double[] rows = new double[n * d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < in; j++) {
        rows[i * d + j] = inLayer.weight()[i * in + j];
      }
      int at = in;
      if (bias) {
        rows[i * d + at++] = inLayer.bias()[i];
      }
      if (out) {
        for (int r = 0; r < outLayer.outFeatures(); r++) {
          rows[i * d + at++] = outLayer.weight()[r * n + i];
        }
      }
    }
    return ofRows(rows, n, d);
  }

  /** Features from raw row-major (n × d) vectors; they are normalised here. */
  public static UnitFeatures ofRows(double[] rows, int n, int d) {
    if (n < 1 || d < 1 || rows.length != n * d) {
      throw new IllegalArgumentException(
          "feature rows hold " + rows.length + " values, expected " + n + " units × " + d);
    }
    double[] u = rows.clone();
    for (int i = 0; i < n; i++) {
      double ss = 0;
      for (int j = 0; j < d; j++) {
        ss += u[i * d + j] * u[i * d + j];
      }
      double inv = ss > 0 ? 1 / Math.sqrt(ss) : 0;
      for (int j = 0; j < d; j++) {
        u[i * d + j] *= inv;
      }
    }
    return new UnitFeatures(n, d, u);
  }

  public int units() {
    return n;
  }

  public int dimension() {
    return d;
  }

  /** Row-major normalised rows F̂ (shared, do not modify). */
  double[] normalisedRows() {
    return unit;
  }

  /** Cosine similarity S_ij = f̂_i · f̂_j. */
  public double cosine(int i, int j) {
    double s = 0;
    int a = i * d;
    int b = j * d;
    for (int k = 0; k < d; k++) {
      s += unit[a + k] * unit[b + k];
    }
    return s;
  }

  /**
   * The full n×n cosine matrix as float: O(n²·d) work, n² floats of memory. Tiles of four rows
   * against one row keep four independent sums in flight and read each row of F̂ once per tile
   * rather than once per unit; tiles run in parallel.
   */
  public float[] similarityMatrix() {
    float[] s = new float[n * n];
    int tiles = (n + 3) / 4;
    IntStream.range(0, tiles)
        .parallel()
        .forEach(
            t -> {
              int i0 = 4 * t;
              int rowsInTile = Math.min(4, n - i0);
              double[] acc = new double[4];
              for (int j = i0; j < n; j++) {
                dotTile(i0, rowsInTile, j, acc);
                for (int r = 0; r < rowsInTile; r++) {
                  if (i0 + r <= j) {
                    float v = (float) acc[r];
                    s[(i0 + r) * n + j] = v;
                    s[j * n + i0 + r] = v;
                  }
                }
              }
            });
    return s;
  }

  /** acc[r] = f̂_{i0+r} · f̂_j for r < rows (rows ≤ 4). */
  private void dotTile(int i0, int rows, int j, double[] acc) {
    int b = j * d;
    if (rows < 4) {
      for (int r = 0; r < rows; r++) {
        acc[r] = cosine(i0 + r, j);
      }
      return;
    }
    int a0 = i0 * d;
    int a1 = a0 + d;
    int a2 = a1 + d;
    int a3 = a2 + d;
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    for (int k = 0; k < d; k++) {
      double x = unit[b + k];
      s0 += unit[a0 + k] * x;
      s1 += unit[a1 + k] * x;
      s2 += unit[a2 + k] * x;
      s3 += unit[a3 + k] * x;
    }
    acc[0] = s0;
    acc[1] = s1;
    acc[2] = s2;
    acc[3] = s3;
  }

  /** Σ cosine of adjacent units along {@code order} (SPEC §2, Seriation/Path_Similarity). */
  public double pathSimilarity(int[] order) {
    double sum = 0;
    for (int i = 0; i + 1 < order.length; i++) {
      sum += cosine(order[i], order[i + 1]);
    }
    return sum;
  }

  /**
   * Expected path similarity of a uniformly random order: (n−1)·mean off-diagonal S. With S =
   * F̂F̂ᵀ, Σ_{i≠j} S_ij = ‖Σ_i f̂_i‖² − Σ_i ‖f̂_i‖², so this needs no n×n matrix.
   */
  public double randomPathSimilarity() {
    if (n < 2) {
      return 0;
    }
    double[] sum = new double[d];
    double diag = 0;
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < d; k++) {
        sum[k] += unit[i * d + k];
        diag += unit[i * d + k] * unit[i * d + k];
      }
    }
    double total = 0;
    for (double v : sum) {
      total += v * v;
    }
    return (total - diag) / n;
  }
}
