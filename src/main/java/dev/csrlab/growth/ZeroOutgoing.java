package dev.csrlab.growth;

import dev.csrlab.nn.DenseLayer;
import java.util.random.RandomGenerator;

/**
 * The {@code zero-outgoing} method: the first n units are kept, the m−n new units get fresh
 * incoming weights and zero outgoing weights, so the function is unchanged and the new units start
 * learning from the gradient alone.
 */
public final class ZeroOutgoing {
  private ZeroOutgoing() {}

  /** Keeps units 0..n−1; rows n..m−1 are empty (zero), filled by {@link #initialiseNewRows}. */
  public static UnitMap keepOriginals(int n, int m) {
    Net2Net.requireWidening(n, m);
    int[][] src = new int[m][];
    double[][] w = new double[m][];
    for (int i = 0; i < m; i++) {
      src[i] = i < n ? new int[] {i} : new int[0];
      w[i] = i < n ? new double[] {1} : new double[0];
    }
    return UnitMap.ofRows(n, src, w);
  }

  /**
   * PyTorch's default {@code nn.Linear} init for the new rows: kaiming-uniform with a = √5 gives
   * U(−1/√in, 1/√in) for weights, and the bias uses the same bound.
   */
  public static DenseLayer initialiseNewRows(DenseLayer widened, int n, RandomGenerator rnd) {
    int in = widened.inFeatures();
    double bound = 1 / Math.sqrt(in);
    float[] w = widened.weight().clone();
    float[] b = widened.bias().clone();
    for (int i = n * in; i < w.length; i++) {
      w[i] = (float) rnd.nextDouble(-bound, bound);
    }
    for (int i = n; i < b.length; i++) {
      b[i] = (float) rnd.nextDouble(-bound, bound);
    }
    return new DenseLayer(widened.outFeatures(), in, w, b);
  }
}
