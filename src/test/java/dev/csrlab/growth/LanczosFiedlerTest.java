package dev.csrlab.growth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.csrlab.config.Options.Affinity;
import dev.csrlab.config.Options.Ordering;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The iterative Fiedler solver against the dense EJML reference (issue 7). */
class LanczosFiedlerTest {
  @Test
  void lanczosOrderEqualsDenseOrderOnWellSeparatedMatrices() {
    int n = 600;
    int[] p = TestNets.shuffled(n, 21);
    UnitFeatures f = UnitFeatures.ofRows(noisyCurve(p, n, 40, 0.02, 22), n, 40);
    for (Affinity a : Affinity.values()) {
      FiedlerOrder dense = Seriation.fiedler(f, a, Seriation.Solver.DENSE);
      FiedlerOrder lanczos = Seriation.fiedler(f, a, Seriation.Solver.LANCZOS);
      assertEquals("dense", dense.solver());
      assertEquals("lanczos", lanczos.solver());
      assertTrue(lanczos.converged());
      assertArrayEquals(dense.order(), lanczos.order(), a.id());
      double diff = 0;
      for (int i = 0; i < n; i++) {
        diff = Math.max(diff, Math.abs(dense.vector()[i] - lanczos.vector()[i]));
      }
      assertTrue(diff < 1e-8, a + ": vectors differ by " + diff);
      // Well separated: adjacent Fiedler entries differ by far more than the solvers do.
      assertTrue(minGap(dense.vector()) > 10 * diff, a + ": test matrix not well separated");
      System.out.printf(
          "n=%d %s: lanczos %d iterations, max |Δv| %.2e%n", n, a.id(), lanczos.iterations(), diff);
    }
  }

  @Test
  void lanczosMatchesDenseOnEachComponentOfADisconnectedGraph() {
    int n = 400;
    int[] p = TestNets.shuffled(n, 31);
    double[] rows = new double[n * 4];
    for (int i = 0; i < n; i++) {
      double t = Math.PI / 2 * (p[i] % 200) / 199.0;
      int off = p[i] < 200 ? 0 : 2;
      rows[i * 4 + off] = Math.cos(t) + 0.3;
      rows[i * 4 + off + 1] = Math.sin(t) + 0.3;
    }
    UnitFeatures f = UnitFeatures.ofRows(rows, n, 4);
    FiedlerOrder dense = Seriation.fiedler(f, Affinity.CLAMP, Seriation.Solver.DENSE);
    FiedlerOrder lanczos = Seriation.fiedler(f, Affinity.CLAMP, Seriation.Solver.LANCZOS);
    assertEquals(2, lanczos.components());
    assertArrayEquals(dense.order(), lanczos.order());
  }

  @Test
  void tridiagonalEigenpairIsTheSmallestAndSatisfiesTheEquation() {
    int k = 30;
    double[] a = new double[k];
    double[] b = new double[k - 1];
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < k; i++) {
      a[i] = r.nextDouble(-2, 2);
    }
    for (int i = 0; i < k - 1; i++) {
      b[i] = r.nextDouble(-1, 1);
    }
    double theta = Tridiagonal.smallestEigenvalue(a, b, k);
    double[] s = Tridiagonal.eigenvector(a, b, k, theta);
    for (int i = 0; i < k; i++) {
      double ts =
          a[i] * s[i] + (i > 0 ? b[i - 1] * s[i - 1] : 0) + (i < k - 1 ? b[i] * s[i + 1] : 0);
      assertEquals(theta * s[i], ts, 1e-12);
    }
    assertEquals(0, Tridiagonal.countBelow(a, b, k, theta - 1e-9));
    assertEquals(1, Tridiagonal.countBelow(a, b, k, theta + 1e-9));
  }

  @Test
  void largeLayersAreSeriatedIteratively() {
    for (int n : new int[] {4096}) {
      int d = 785;
      int[] p = TestNets.shuffled(n, 41);
      UnitFeatures f = UnitFeatures.ofRows(noisyCurve(p, n, d, 0.01, 42), n, d);
      long t0 = System.nanoTime();
      SeriationResult r = Seriation.seriate(f, Affinity.SHIFT, Ordering.FIEDLER, null);
      double seconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf("seriation n=%d d=%d (shift, %s): %.2f s%n", n, d, r.solver(), seconds);
      assertEquals("lanczos", r.solver());
      assertEquals(0, r.similarity().length, "n > 2048 omits the similarity matrix");
      assertTrue(SeriationTest.isPermutation(r.order()));
      assertTrue(
          r.pathAfter() > r.pathBefore() + 0.5 * (n - 1) * 0.5,
          "sorted path " + r.pathAfter() + " vs trained " + r.pathBefore());
    }
  }

  /**
   * Unit i at angle θ = 0.2 + (π − 0.4)·p[i]/(n−1) in the first two coordinates, plus Gaussian
   * noise in all d coordinates: a 1-D manifold with a clear Fiedler direction.
   */
  static double[] noisyCurve(int[] p, int n, int d, double noise, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] rows = new double[n * d];
    for (int i = 0; i < n; i++) {
      double t = 0.2 + (Math.PI - 0.4) * p[i] / (n - 1);
      for (int k = 0; k < d; k++) {
        rows[i * d + k] = noise * r.nextGaussian();
      }
      rows[i * d] += Math.cos(t);
      rows[i * d + 1] += Math.sin(t);
    }
    return rows;
  }

  static double minGap(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return IntStream.range(0, s.length - 1).mapToDouble(i -> s[i + 1] - s[i]).min().orElse(1);
  }
}
