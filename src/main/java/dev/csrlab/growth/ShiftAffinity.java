package dev.csrlab.growth;

import java.util.stream.IntStream;

/**
 * The {@code shift} affinity A = (1+S)/2 off the diagonal, kept in factored form: with S = F̂F̂ᵀ, A
 * = (J + F̂F̂ᵀ)/2 − diag((1 + ‖f̂_i‖²)/2), of rank ≤ d+1 plus a diagonal. A·x then costs O(n·d) and
 * the n×n matrix is never formed, which is what lets the Fiedler vector scale to thousands of units
 * (issue 7).
 */
final class ShiftAffinity implements AffinityGraph {
  private static final int BLOCK = 256;
  private final double[] rows;
  private final int d;
  private final int n;
  private final double[] selfNorm;

  /**
   * @param rows normalised features F̂ of exactly the units of this graph, row-major n × d
   */
  ShiftAffinity(double[] rows, int n, int d) {
    this.rows = rows;
    this.n = n;
    this.d = d;
    this.selfNorm = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int k = 0; k < d; k++) {
        s += rows[i * d + k] * rows[i * d + k];
      }
      selfNorm[i] = s;
    }
  }

  @Override
  public int size() {
    return n;
  }

  @Override
  public double weight(int a, int b) {
    double s = 0;
    for (int k = 0; k < d; k++) {
      s += rows[a * d + k] * rows[b * d + k];
    }
    return (1 + s) / 2;
  }

  @Override
  public void multiply(double[] x, double[] y) {
    int blocks = (n + BLOCK - 1) / BLOCK;
    // t = F̂ᵀx, summed per block of rows in parallel, then combined in a fixed order so the result
    // does not depend on thread scheduling.
    double[][] partial = new double[blocks][];
    IntStream.range(0, blocks)
        .parallel()
        .forEach(
            bk -> {
              double[] t = new double[d];
              for (int i = bk * BLOCK; i < Math.min(n, (bk + 1) * BLOCK); i++) {
                double xi = x[i];
                int o = i * d;
                for (int k = 0; k < d; k++) {
                  t[k] += xi * rows[o + k];
                }
              }
              partial[bk] = t;
            });
    double[] t = new double[d];
    for (double[] p : partial) {
      for (int k = 0; k < d; k++) {
        t[k] += p[k];
      }
    }
    double sum = 0;
    for (double v : x) {
      sum += v;
    }
    double total = sum;
    IntStream.range(0, blocks)
        .parallel()
        .forEach(
            bk -> {
              for (int i = bk * BLOCK; i < Math.min(n, (bk + 1) * BLOCK); i++) {
                int o = i * d;
                double s = 0;
                for (int k = 0; k < d; k++) {
                  s += rows[o + k] * t[k];
                }
                y[i] = 0.5 * (total + s) - 0.5 * (1 + selfNorm[i]) * x[i];
              }
            });
  }

  @Override
  public AffinityGraph subgraph(int[] units) {
    double[] sub = new double[units.length * d];
    for (int a = 0; a < units.length; a++) {
      System.arraycopy(rows, units[a] * d, sub, a * d, d);
    }
    return new ShiftAffinity(sub, units.length, d);
  }
}
