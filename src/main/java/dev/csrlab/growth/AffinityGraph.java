package dev.csrlab.growth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The weighted graph A = affinity(S) with zero diagonal over a set of units (SPEC §1.2 Decision),
 * seen through what a Laplacian eigensolver needs: single weights, the product A·x, and subgraphs
 * for connected components. Local indices 0..size()−1 name the units of this (sub)graph.
 */
interface AffinityGraph {
  /** Edges at or below this weight do not connect components (float round-off in S). */
  double EDGE_EPS = 1e-12;

  int size();

  /** A[a][b] for a ≠ b. */
  double weight(int a, int b);

  /** y = A·x (zero diagonal). */
  void multiply(double[] x, double[] y);

  /** The subgraph on the given local units (sorted ascending), re-indexed 0..units.length−1. */
  AffinityGraph subgraph(int[] units);

  /** Degrees D = A·1. */
  default double[] degrees() {
    double[] ones = new double[size()];
    Arrays.fill(ones, 1);
    double[] d = new double[size()];
    multiply(ones, d);
    return d;
  }

  /** y = L·x with L = D − A. */
  default void laplacian(double[] degrees, double[] x, double[] y) {
    multiply(x, y);
    for (int i = 0; i < y.length; i++) {
      y[i] = degrees[i] * x[i] - y[i];
    }
  }

  /**
   * Connected components (edges with weight > {@link #EDGE_EPS}), each sorted ascending, listed by
   * their smallest unit. Breadth-first search that scans only still-unvisited units, so a connected
   * dense graph costs about n weight evaluations, not n².
   */
  default List<int[]> components() {
    int n = size();
    int[] next = new int[n + 1];
    int[] prev = new int[n + 1];
    // Doubly linked list of unvisited units; sentinel n.
    for (int i = 0; i <= n; i++) {
      next[i] = i == n ? 0 : i + 1;
      prev[i] = i == 0 ? n : i - 1;
    }
    if (n == 0) {
      next[0] = 0;
    }
    List<int[]> out = new ArrayList<>();
    int[] queue = new int[n];
    while (next[n] != n) {
      int seed = next[n];
      unlink(seed, next, prev);
      int head = 0;
      int tail = 0;
      queue[tail++] = seed;
      while (head < tail) {
        int a = queue[head++];
        for (int b = next[n]; b != n; ) {
          int after = next[b];
          if (weight(a, b) > EDGE_EPS) {
            unlink(b, next, prev);
            queue[tail++] = b;
          }
          b = after;
        }
      }
      int[] comp = Arrays.copyOf(queue, tail);
      Arrays.sort(comp);
      out.add(comp);
    }
    return out;
  }

  private static void unlink(int u, int[] next, int[] prev) {
    next[prev[u]] = next[u];
    prev[next[u]] = prev[u];
  }
}
