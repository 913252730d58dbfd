package dev.csrlab.growth;

/**
 * Orderings that maximise the path similarity Σ S[p_i, p_{i+1}] directly (SPEC §1.5 ablations;
 * Integral Neural Networks sort channels with a 2-opt TSP). S is a full n×n float matrix.
 */
public final class PathOrderings {
  /** 2-opt passes are capped so that passes × n² stays below this many move evaluations. */
  static final long TWO_OPT_BUDGET = 200_000_000L;

  static final int TWO_OPT_MAX_PASSES = 100;
  private static final double MIN_GAIN = 1e-9;

  private PathOrderings() {}

  /**
   * Nearest-neighbour chain: start at the most dissimilar unit (lowest Σ_j≠i S_ij; such a unit is
   * naturally an end of a good path, and this needs no eigensolve), then repeatedly step to the
   * unvisited unit most similar to the current one. Ties go to the smaller index.
   */
  public static int[] greedy(float[] s, int n) {
    int start = 0;
    double lowest = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      double row = 0;
      for (int j = 0; j < n; j++) {
        row += j != i ? s[i * n + j] : 0;
      }
      if (row < lowest) {
        lowest = row;
        start = i;
      }
    }
    boolean[] used = new boolean[n];
    int[] order = new int[n];
    order[0] = start;
    used[start] = true;
    for (int p = 1; p < n; p++) {
      int cur = order[p - 1];
      int best = -1;
      float bestSim = Float.NEGATIVE_INFINITY;
      for (int j = 0; j < n; j++) {
        if (!used[j] && s[cur * n + j] > bestSim) {
          bestSim = s[cur * n + j];
          best = j;
        }
      }
      order[p] = best;
      used[best] = true;
    }
    return order;
  }

  /**
   * 2-opt on an open path: reversing positions i..j changes the path by S[p_{i−1},p_j] +
   * S[p_i,p_{j+1}] − S[p_{i−1},p_i] − S[p_j,p_{j+1}] (end terms absent at the path's ends). First
   * improvement, repeated passes until no move gains more than 1e-9 or the pass cap is reached (at
   * most {@value #TWO_OPT_MAX_PASSES} passes and about 2·10⁸ move evaluations in all).
   */
  public static int[] twoOpt(float[] s, int n, int[] start) {
    int[] p = start.clone();
    long perPass = Math.max(1, (long) n * n / 2);
    int passes = (int) Math.max(1, Math.min(TWO_OPT_MAX_PASSES, TWO_OPT_BUDGET / perPass));
    for (int pass = 0; pass < passes; pass++) {
      boolean improved = false;
      for (int i = 0; i < n - 1; i++) {
        for (int j = i + 1; j < n; j++) {
          if (i == 0 && j == n - 1) {
            continue; // reversing the whole path changes nothing
          }
          if (gain(s, n, p, i, j) > MIN_GAIN) {
            reverse(p, i, j);
            improved = true;
          }
        }
      }
      if (!improved) {
        break;
      }
    }
    return p;
  }

  static double gain(float[] s, int n, int[] p, int i, int j) {
    double g = 0;
    if (i > 0) {
      g += s[p[i - 1] * n + p[j]] - s[p[i - 1] * n + p[i]];
    }
    if (j < n - 1) {
      g += s[p[i] * n + p[j + 1]] - s[p[j] * n + p[j + 1]];
    }
    return g;
  }

  private static void reverse(int[] p, int i, int j) {
    while (i < j) {
      int t = p[i];
      p[i++] = p[j];
      p[j--] = t;
    }
  }
}
