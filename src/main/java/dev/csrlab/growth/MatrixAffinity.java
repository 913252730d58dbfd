package dev.csrlab.growth;

import dev.csrlab.config.Options.Affinity;
import java.util.stream.IntStream;

/**
 * An affinity read from a stored n×n similarity matrix (float, to halve memory): needed for {@code
 * clamp} (max(S,0)) and {@code abs} (|S|), which have no low-rank form, and for explicit similarity
 * matrices. A view over a subset of the matrix's units, so components need no copies.
 */
final class MatrixAffinity implements AffinityGraph {
  private final float[] s;
  private final int stride;
  private final int[] units;
  private final Affinity affinity;

  MatrixAffinity(float[] similarity, int n, Affinity affinity) {
    this(similarity, n, identity(n), affinity);
  }

  private MatrixAffinity(float[] similarity, int stride, int[] units, Affinity affinity) {
    if (similarity.length != (long) stride * stride) {
      throw new IllegalArgumentException(
          "similarity matrix holds "
              + similarity.length
              + " values, expected "
              + stride
              + "×"
              + stride);
    }
    this.s = similarity;
    this.stride = stride;
    this.units = units;
    this.affinity = affinity;
  }

  /** The affinity of one similarity value (SPEC §1.2 Decision). */
  static double of(double sim, Affinity affinity) {
    return switch (affinity) {
      case SHIFT -> (1 + sim) / 2;
      case CLAMP -> Math.max(sim, 0);
      case ABS -> Math.abs(sim);
    };
  }

  @Override
  public int size() {
    return units.length;
  }

  @Override
  public double weight(int a, int b) {
    return of(s[units[a] * stride + units[b]], affinity);
  }

  /**
   * y = A·x, rows in parallel. This product is memory-bound (n² floats per call), so the loops are
   * kept branch-free (max/abs, not a sign test: random signs would mispredict half the time) and
   * the whole matrix, the common connected case, is read without index indirection.
   */
  @Override
  public void multiply(double[] x, double[] y) {
    int n = units.length;
    boolean whole = n == stride;
    IntStream.range(0, n)
        .parallel()
        .forEach(
            a -> {
              int row = units[a] * stride;
              double acc = whole ? rowWhole(row, x) : rowIndexed(row, x);
              // The loops included the diagonal term; A has a zero diagonal.
              y[a] = acc - of(s[row + units[a]], affinity) * x[a];
            });
  }

  private double rowWhole(int row, double[] x) {
    int n = x.length;
    double acc = 0;
    switch (affinity) {
      case SHIFT -> {
        for (int b = 0; b < n; b++) {
          acc += (1 + s[row + b]) * x[b];
        }
        acc *= 0.5;
      }
      case CLAMP -> {
        for (int b = 0; b < n; b++) {
          acc += Math.max(s[row + b], 0f) * x[b];
        }
      }
      case ABS -> {
        for (int b = 0; b < n; b++) {
          acc += Math.abs(s[row + b]) * x[b];
        }
      }
      default -> throw new IllegalStateException("unknown affinity " + affinity);
    }
    return acc;
  }

  private double rowIndexed(int row, double[] x) {
    double acc = 0;
    for (int b = 0; b < units.length; b++) {
      acc += of(s[row + units[b]], affinity) * x[b];
    }
    return acc;
  }

  @Override
  public AffinityGraph subgraph(int[] local) {
    int[] sub = new int[local.length];
    for (int i = 0; i < local.length; i++) {
      sub[i] = units[local[i]];
    }
    return new MatrixAffinity(s, stride, sub, affinity);
  }

  private static int[] identity(int n) {
    return IntStream.range(0, n).toArray();
  }
}
