package dev.csrlab.growth;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The Fiedler vector of a connected graph's Laplacian L = D − A by Lanczos with full
 * reorthogonalisation (issue 7: dense EJML needs ~125 s at n = 4,096). L's null vector is the
 * constant vector, so Lanczos runs in its orthogonal complement — the start vector and every new
 * basis vector are orthogonalised against it — and the smallest Ritz value there converges to λ2.
 * Only A·x is needed, O(n·d) for the factored {@code shift} affinity. After every step the smallest
 * eigenpair of the tridiagonal projection gives the residual ‖L·y − θ·y‖ = β_k·|s_k|; when the
 * basis is full without convergence, Lanczos restarts from the current Ritz vector. The start
 * vector is pseudo-random with a fixed seed, so results are reproducible.
 */
final class LanczosFiedler {
  /** Residual tolerance relative to the Gershgorin bound on ‖L‖. */
  static final double TOLERANCE = 1e-10;

  static final int MAX_BASIS = 400;
  static final int MAX_RESTARTS = 20;

  /** Basis memory cap (doubles) so a huge n cannot exhaust the heap: 256 MiB. */
  private static final long BASIS_BUDGET = 32L << 20;

  private static final int BLOCK = 1024;
  private static final long START_SEED = 0x5eed_f1ed_1e5L;

  record Result(double[] vector, int iterations, double residual, boolean converged) {}

  private LanczosFiedler() {}

  static Result solve(AffinityGraph g) {
    int n = g.size();
    double[] deg = g.degrees();
    double norm = 0;
    for (double d : deg) {
      norm = Math.max(norm, 2 * d);
    }
    double tol = TOLERANCE * Math.max(norm, Double.MIN_NORMAL);
    int maxBasis = (int) Math.min(Math.min(n - 1, MAX_BASIS), Math.max(2, BASIS_BUDGET / n));
    double[] v = new double[n];
    SplittableRandom r = new SplittableRandom(START_SEED);
    for (int i = 0; i < n; i++) {
      v[i] = r.nextGaussian();
    }
    int iterations = 0;
    Result last = null;
    for (int restart = 0; restart <= MAX_RESTARTS; restart++) {
      last = cycle(g, deg, v, maxBasis, tol);
      iterations += last.iterations();
      if (last.converged()) {
        break;
      }
      v = last.vector();
    }
    return new Result(last.vector(), iterations, last.residual(), last.converged());
  }

  /** One Lanczos run of at most maxBasis steps from v. */
  private static Result cycle(
      AffinityGraph g, double[] deg, double[] start, int maxBasis, double tol) {
    int n = g.size();
    double[][] q = new double[maxBasis][];
    double[] alpha = new double[maxBasis];
    double[] beta = new double[maxBasis];
    double[] w = start.clone();
    orthogonalise(w, q, 0);
    FiedlerSolver.normalise(w);
    q[0] = w;
    double[] s = {1};
    double residual = Double.POSITIVE_INFINITY;
    int k = 0;
    while (k < maxBasis) {
      double[] lq = new double[n];
      g.laplacian(deg, q[k], lq);
      alpha[k] = dot(q[k], lq);
      orthogonalise(lq, q, k + 1);
      beta[k] = Math.sqrt(dot(lq, lq));
      k++;
      double theta = Tridiagonal.smallestEigenvalue(alpha, beta, k);
      s = Tridiagonal.eigenvector(alpha, beta, k, theta);
      residual = beta[k - 1] * Math.abs(s[k - 1]);
      // Converged, or the Krylov space is invariant (then the Ritz pair is exact).
      if (residual <= tol || beta[k - 1] <= tol * 1e-3 || k == maxBasis) {
        break;
      }
      for (int i = 0; i < n; i++) {
        lq[i] /= beta[k - 1];
      }
      q[k] = lq;
    }
    double[] y = combine(q, s, k, n);
    FiedlerSolver.normalise(y);
    return new Result(y, k, residual, residual <= tol || beta[k - 1] <= tol * 1e-3);
  }

  /**
   * Removes from w its components along the constant vector and q[0..count), twice when the first
   * pass cancelled most of w (Gram–Schmidt "twice is enough", Kahan–Parlett), in row blocks in
   * parallel.
   */
  private static void orthogonalise(double[] w, double[][] q, int count) {
    for (int pass = 0; pass < 2; pass++) {
      double before = dot(w, w);
      double mean = 0;
      for (double x : w) {
        mean += x;
      }
      mean /= w.length;
      for (int i = 0; i < w.length; i++) {
        w[i] -= mean;
      }
      if (count > 0) {
        double[] c = projections(w, q, count);
        subtract(w, q, c, count);
      }
      if (dot(w, w) > 0.5 * before) {
        return;
      }
    }
  }

  /** c_j = q_j · w for j < count. */
  private static double[] projections(double[] w, double[][] q, int count) {
    int n = w.length;
    int blocks = (n + BLOCK - 1) / BLOCK;
    double[][] part = new double[blocks][];
    IntStream.range(0, blocks)
        .parallel()
        .forEach(
            bk -> {
              int lo = bk * BLOCK;
              int hi = Math.min(n, lo + BLOCK);
              double[] c = new double[count];
              for (int j = 0; j < count; j++) {
                double[] qj = q[j];
                double acc = 0;
                for (int i = lo; i < hi; i++) {
                  acc += qj[i] * w[i];
                }
                c[j] = acc;
              }
              part[bk] = c;
            });
    double[] c = new double[count];
    for (double[] p : part) {
      for (int j = 0; j < count; j++) {
        c[j] += p[j];
      }
    }
    return c;
  }

  private static void subtract(double[] w, double[][] q, double[] c, int count) {
    int n = w.length;
    int blocks = (n + BLOCK - 1) / BLOCK;
    IntStream.range(0, blocks)
        .parallel()
        .forEach(
            bk -> {
              int lo = bk * BLOCK;
              int hi = Math.min(n, lo + BLOCK);
              for (int j = 0; j < count; j++) {
                double[] qj = q[j];
                double cj = c[j];
                for (int i = lo; i < hi; i++) {
                  w[i] -= cj * qj[i];
                }
              }
            });
  }

  private static double[] combine(double[][] q, double[] s, int k, int n) {
    double[] y = new double[n];
    for (int j = 0; j < k; j++) {
      for (int i = 0; i < n; i++) {
        y[i] += s[j] * q[j][i];
      }
    }
    return y;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
