package dev.csrlab.growth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Fiedler vector of L = D − A per connected component (SPEC §1.2 step 1). Small components use
 * EJML's dense symmetric eigendecomposition (exact reference, O(n³)); larger ones use Lanczos
 * ({@link LanczosFiedler}), which needs only A·x.
 */
final class FiedlerSolver {
  /**
   * Components up to this size are solved densely under {@link Seriation.Solver#AUTO} (EJML ~20 ms
   * at 256 here, over a second at 512, where Lanczos takes a few ms and agrees to ~1e-10).
   */
  static final int DENSE_LIMIT = 256;

  private FiedlerSolver() {}

  static FiedlerOrder solve(AffinityGraph graph, Seriation.Solver choice) {
    int n = graph.size();
    List<int[]> comps = graph.components();
    double[] vector = new double[n];
    int[] order = new int[n];
    int at = 0;
    int iterations = 0;
    boolean converged = true;
    List<String> used = new ArrayList<>();
    for (int[] comp : comps) {
      AffinityGraph g = comps.size() == 1 ? graph : graph.subgraph(comp);
      double[] v;
      if (comp.length <= 2) {
        v = comp.length == 1 ? new double[] {0} : new double[] {Math.sqrt(0.5), -Math.sqrt(0.5)};
      } else if (choice == Seriation.Solver.DENSE
          || (choice == Seriation.Solver.AUTO && comp.length <= DENSE_LIMIT)) {
        v = dense(g);
        used.add("dense");
      } else {
        LanczosFiedler.Result r = LanczosFiedler.solve(g);
        v = r.vector();
        iterations += r.iterations();
        converged &= r.converged();
        used.add("lanczos");
      }
      applySignRule(v);
      for (int idx : stableArgsort(v)) {
        order[at++] = comp[idx];
      }
      for (int a = 0; a < comp.length; a++) {
        vector[comp[a]] = v[a];
      }
    }
    String solver =
        used.isEmpty()
            ? "trivial"
            : used.stream().distinct().sorted().reduce((x, y) -> x + "+" + y).orElseThrow();
    return new FiedlerOrder(vector, order, solver, iterations, comps.size(), converged);
  }

  /** Eigenvector of the second-smallest eigenvalue of the dense Laplacian (EJML). */
  static double[] dense(AffinityGraph g) {
    int n = g.size();
    DMatrixRMaj lap = new DMatrixRMaj(n, n);
    for (int a = 0; a < n; a++) {
      double deg = 0;
      for (int b = 0; b < n; b++) {
        if (a != b) {
          double w = g.weight(a, b);
          lap.unsafe_set(a, b, -w);
          deg += w;
        }
      }
      lap.unsafe_set(a, a, deg);
    }
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
    if (!eig.decompose(lap)) {
      throw new IllegalStateException(
          "EJML eigendecomposition of the " + n + "×" + n + " Laplacian failed");
    }
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, Comparator.comparingDouble(i -> eig.getEigenvalue(i).getReal()));
    DMatrixRMaj vec = eig.getEigenVector(idx[1]);
    double[] v = vec.getData().clone();
    normalise(v);
    return v;
  }

  /** Sign fixed so that the first component with |v_i| > 1e-12 is positive (SPEC §1.2). */
  static void applySignRule(double[] v) {
    for (double x : v) {
      if (Math.abs(x) > 1e-12) {
        if (x < 0) {
          for (int i = 0; i < v.length; i++) {
            v[i] = -v[i];
          }
        }
        return;
      }
    }
  }

  /** Indices sorting v ascending; equal values keep index order. */
  static int[] stableArgsort(double[] v) {
    Integer[] idx = new Integer[v.length];
    for (int i = 0; i < v.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, Comparator.comparingDouble(i -> v[i])); // Arrays.sort on objects is stable
    return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
  }

  static void normalise(double[] v) {
    double ss = 0;
    for (double x : v) {
      ss += x * x;
    }
    double inv = ss > 0 ? 1 / Math.sqrt(ss) : 0;
    for (int i = 0; i < v.length; i++) {
      v[i] *= inv;
    }
  }
}
