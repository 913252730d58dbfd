package dev.csrlab.growth;

import dev.csrlab.nn.DenseLayer;
import java.util.random.RandomGenerator;

/**
 * Net2Net widening by unit replication (Chen et al. 2016; SPEC §1.1). A mapping g: [0,m) → [0,n)
 * names the source of every new unit; incoming weights and bias are copied from g(j), outgoing
 * weights are divided by the replication count, so before noise the function is unchanged.
 */
public final class Net2Net {
  private Net2Net() {}

  /** g(j) = j for j < n, uniform on [0,n) with replacement for j ≥ n (the paper's mapping). */
  public static int[] randomMapping(int n, int m, RandomGenerator rnd) {
    requireWidening(n, m);
    int[] g = new int[m];
    for (int j = 0; j < m; j++) {
      g[j] = j < n ? j : rnd.nextInt(n);
    }
    return g;
  }

  /**
   * {@code net2net-each-once}, the request's literal variant: m−n distinct source units (drawn
   * without replacement, partial Fisher–Yates) are each duplicated once, the copies appended after
   * the originals in draw order; both copies then carry half the outgoing weight.
   */
  public static int[] eachOnceMapping(int n, int m, RandomGenerator rnd) {
    requireWidening(n, m);
    if (m > 2 * n) {
      throw new IllegalArgumentException(
          "net2net-each-once duplicates each unit at most once, so it"
              + " can widen "
              + n
              + " units to at most "
              + 2 * n
              + ", not "
              + m
              + "; use net2net for larger factors");
    }
    int[] pool = new int[n];
    for (int i = 0; i < n; i++) {
      pool[i] = i;
    }
    int[] g = new int[m];
    for (int j = 0; j < n; j++) {
      g[j] = j;
    }
    for (int c = 0; c < m - n; c++) {
      int pick = c + rnd.nextInt(n - c);
      int tmp = pool[c];
      pool[c] = pool[pick];
      pool[pick] = tmp;
      g[n + c] = pool[c];
    }
    return g;
  }

  /** Replication counts k_u = |{j : g(j) = u}| per source unit u. */
  public static int[] counts(int[] g, int n) {
    int[] k = new int[n];
    for (int u : g) {
      k[u]++;
    }
    return k;
  }

  /** Incoming map: new unit j copies unit g(j). */
  public static UnitMap incoming(int[] g, int n) {
    return UnitMap.selection(n, g);
  }

  /** Outgoing map: new unit j carries unit g(j)'s outgoing weights divided by k_{g(j)}. */
  public static UnitMap outgoing(int[] g, int n) {
    int[] k = counts(g, n);
    int[][] src = new int[g.length][];
    double[][] w = new double[g.length][];
    for (int j = 0; j < g.length; j++) {
      src[j] = new int[] {g[j]};
      w[j] = new double[] {1.0 / k[g[j]]};
    }
    return UnitMap.ofRows(n, src, w);
  }

  /**
   * Adds N(0, (factor·σ)²) to the incoming weights (not biases) of the copies, rows n..m−1, where σ
   * is the population std of the layer's weight matrix before widening. The originals stay exact,
   * so only the copies move away from their sources (symmetry breaking, SPEC §1.1).
   */
  public static DenseLayer addNoiseToCopies(
      DenseLayer widened, int n, double sourceStd, double factor, RandomGenerator rnd) {
    if (factor == 0 || widened.outFeatures() == n) {
      return widened;
    }
    float[] w = widened.weight().clone();
    int in = widened.inFeatures();
    double std = factor * sourceStd;
    for (int i = n * in; i < w.length; i++) {
      w[i] = (float) (w[i] + std * rnd.nextGaussian());
    }
    return new DenseLayer(widened.outFeatures(), in, w, widened.bias().clone());
  }

  /** Population standard deviation of all weights of a layer (Net2Net's noise scale). */
  public static double weightStd(DenseLayer layer) {
    double mean = 0;
    for (float v : layer.weight()) {
      mean += v;
    }
    mean /= layer.weight().length;
    double ss = 0;
    for (float v : layer.weight()) {
      ss += (v - mean) * (v - mean);
    }
    return Math.sqrt(ss / layer.weight().length);
  }

  static void requireWidening(int n, int m) {
    if (n < 1 || m < n) {
      throw new IllegalArgumentException(
          "widening needs 1 ≤ source width ≤ target width, got " + n + " → " + m);
    }
  }
}
