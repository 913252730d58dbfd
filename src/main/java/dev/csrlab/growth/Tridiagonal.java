package dev.csrlab.growth;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The smallest eigenpair of a symmetric tridiagonal matrix T (diagonal a[0..k), off-diagonal
 * b[0..k−1)): the Lanczos projection of the Laplacian. Bisection on Sturm counts gives the
 * eigenvalue to machine precision and inverse iteration its vector, both in O(k), so the Ritz pair
 * can be checked after every Lanczos step.
 */
final class Tridiagonal {
  private Tridiagonal() {}

  /** The smallest eigenvalue of T (bisection on the number of eigenvalues below x). */
  static double smallestEigenvalue(double[] a, double[] b, int k) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < k; i++) {
      double r = (i > 0 ? Math.abs(b[i - 1]) : 0) + (i < k - 1 ? Math.abs(b[i]) : 0);
      lo = Math.min(lo, a[i] - r);
      hi = Math.max(hi, a[i] + r);
    }
    double scale = Math.max(Math.abs(lo), Math.abs(hi));
    for (int it = 0; it < 200 && hi - lo > 2 * Math.ulp(scale); it++) {
      double mid = 0.5 * (lo + hi);
      if (countBelow(a, b, k, mid) >= 1) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return 0.5 * (lo + hi);
  }

  /** Number of eigenvalues of T below x (signs of the LDLᵀ pivots of T − xI). */
  static int countBelow(double[] a, double[] b, int k, double x) {
    int count = 0;
    double d = 1;
    double tiny = Double.MIN_NORMAL / Math.ulp(1.0);
    for (int i = 0; i < k; i++) {
      d = a[i] - x - (i > 0 ? b[i - 1] * b[i - 1] / d : 0);
      if (d == 0) {
        d = -tiny; // a zero pivot counts as below, the usual convention
      }
      if (d < 0) {
        count++;
      }
    }
    return count;
  }

  /** Unit eigenvector of T for eigenvalue lambda by inverse iteration. */
  static double[] eigenvector(double[] a, double[] b, int k, double lambda) {
    // A pseudo-random start: a constant one is orthogonal to antisymmetric eigenvectors.
    SplittableRandom r = new SplittableRandom(k);
    double[] x = new double[k];
    Arrays.setAll(x, i -> r.nextDouble(0.5, 1.5));
    for (int it = 0; it < 3; it++) {
      x = solveShifted(a, b, k, lambda, x);
      FiedlerSolver.normalise(x);
    }
    return x;
  }

  /**
   * Solves (T − λI)·x = rhs by Gaussian elimination with partial pivoting (LAPACK dgtsv); a zero
   * pivot is replaced by a tiny one, which is what inverse iteration wants at an exact eigenvalue.
   */
  static double[] solveShifted(double[] a, double[] b, int k, double lambda, double[] rhs) {
    double[] d = new double[k];
    double[] du = new double[Math.max(0, k - 1)];
    double[] dl = new double[Math.max(0, k - 1)];
    double[] x = rhs.clone();
    double norm = 0;
    for (int i = 0; i < k; i++) {
      d[i] = a[i] - lambda;
      norm = Math.max(norm, Math.abs(a[i]) + (i < k - 1 ? 2 * Math.abs(b[i]) : 0));
    }
    double tiny = Math.ulp(1.0) * Math.max(norm, Double.MIN_NORMAL);
    System.arraycopy(b, 0, du, 0, k - 1);
    System.arraycopy(b, 0, dl, 0, k - 1);
    for (int i = 0; i < k - 1; i++) {
      if (Math.abs(d[i]) >= Math.abs(dl[i])) {
        if (d[i] == 0) {
          d[i] = tiny;
        }
        double fact = dl[i] / d[i];
        d[i + 1] -= fact * du[i];
        x[i + 1] -= fact * x[i];
        dl[i] = 0;
      } else {
        double fact = d[i] / dl[i];
        d[i] = dl[i];
        double temp = d[i + 1];
        d[i + 1] = du[i] - fact * temp;
        if (i < k - 2) {
          dl[i] = du[i + 1]; // dl[i] now holds the second super-diagonal
          du[i + 1] = -fact * dl[i];
        } else {
          dl[i] = 0;
        }
        du[i] = temp;
        temp = x[i];
        x[i] = x[i + 1];
        x[i + 1] = temp - fact * x[i + 1];
      }
    }
    if (d[k - 1] == 0) {
      d[k - 1] = tiny;
    }
    x[k - 1] /= d[k - 1];
    if (k > 1) {
      x[k - 2] = (x[k - 2] - du[k - 2] * x[k - 1]) / d[k - 2];
    }
    for (int i = k - 3; i >= 0; i--) {
      x[i] = (x[i] - du[i] * x[i + 1] - dl[i] * x[i + 2]) / d[i];
    }
    return x;
  }
}
