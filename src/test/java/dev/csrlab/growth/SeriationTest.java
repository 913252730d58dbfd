package dev.csrlab.growth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.csrlab.config.Options.Affinity;
import dev.csrlab.config.Options.Ordering;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SeriationTest {
  @Test
  void fiedlerOrderRecoversAShuffledBandedMatrixUpToReversal() {
    int n = 60;
    int[] p = TestNets.shuffled(n, 1);
    float[] s = new float[n * n];
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        s[a * n + b] = (float) Math.max(0, 1 - Math.abs(p[a] - p[b]) / 8.0);
      }
    }
    for (Affinity aff : Affinity.values()) {
      int[] order = Seriation.fiedler(s, n, aff, Seriation.Solver.DENSE).order();
      assertMonotone(IntStream.of(order).map(i -> p[i]).toArray(), aff.id());
    }
  }

  @Test
  void unitsOnACurveAreOrderedAlongIt() {
    int n = 40;
    int[] p = TestNets.shuffled(n, 2);
    UnitFeatures f = UnitFeatures.ofRows(curve(p, n, 0), n, 3);
    SeriationResult r = Seriation.seriate(f, Affinity.SHIFT, Ordering.FIEDLER, null);
    assertMonotone(IntStream.of(r.order()).map(i -> p[i]).toArray(), "curve");
    assertEquals("dense", r.solver());
    assertTrue(r.pathAfter() > r.pathBefore() && r.pathAfter() > r.pathRandom());
    double[] v = r.fiedler();
    assertTrue(v[0] > 0, "sign rule: first component positive");
    assertEquals(1, Arrays.stream(v).map(x -> x * x).sum(), 1e-9);
  }

  @Test
  void clampOrdersEachDisconnectedComponentSeparately() {
    int n = 30;
    int[] p = TestNets.shuffled(n, 3);
    double[] rows = new double[n * 4];
    for (int i = 0; i < n; i++) {
      int pos = p[i] % 15; // position along its curve
      double t = Math.PI / 2 * pos / 14.0;
      int off = p[i] < 15 ? 0 : 2; // two groups in orthogonal coordinate planes
      rows[i * 4 + off] = Math.cos(t) + 0.2;
      rows[i * 4 + off + 1] = Math.sin(t) + 0.2;
    }
    UnitFeatures f = UnitFeatures.ofRows(rows, n, 4);
    FiedlerOrder fo = Seriation.fiedler(f, Affinity.CLAMP, Seriation.Solver.AUTO);
    assertEquals(2, fo.components());
    int[] order = fo.order();
    boolean firstGroup = p[0] < 15; // the component with unit 0 comes first
    int[] head = Arrays.copyOfRange(order, 0, 15);
    int[] tail = Arrays.copyOfRange(order, 15, 30);
    assertTrue(IntStream.of(head).anyMatch(i -> i == 0));
    for (int i : head) {
      assertEquals(firstGroup, p[i] < 15);
    }
    assertMonotone(IntStream.of(head).map(i -> p[i] % 15).toArray(), "first component");
    assertMonotone(IntStream.of(tail).map(i -> p[i] % 15).toArray(), "second component");
  }

  @Test
  void zeroNormUnitsHaveZeroSimilarityAndAreIsolatedUnderClamp() {
    double[] rows = {1, 0, 0, 0, 0.9, 0.1, 0, 0, 0.8, 0.3};
    UnitFeatures f = UnitFeatures.ofRows(rows, 5, 2);
    float[] s = f.similarityMatrix();
    for (int j = 0; j < 5; j++) {
      assertEquals(0, s[1 * 5 + j], 0);
      assertEquals(0, s[3 * 5 + j], 0);
    }
    FiedlerOrder clamp = Seriation.fiedler(f, Affinity.CLAMP, Seriation.Solver.DENSE);
    assertEquals(3, clamp.components());
    assertEquals(1, clamp.order()[3]);
    assertEquals(3, clamp.order()[4]);
    FiedlerOrder shift = Seriation.fiedler(f, Affinity.SHIFT, Seriation.Solver.DENSE);
    assertEquals(1, shift.components());
    assertTrue(Arrays.stream(shift.vector()).allMatch(Double::isFinite));
  }

  @Test
  void oneAndTwoUnitsAreHandled() {
    UnitFeatures one = UnitFeatures.ofRows(new double[] {1, 2}, 1, 2);
    SeriationResult r1 = Seriation.seriate(one, Affinity.SHIFT, Ordering.FIEDLER, null);
    assertArrayEquals(new int[] {0}, r1.order());
    assertEquals(0, r1.pathBefore(), 0);
    assertEquals(0, r1.pathRandom(), 0);
    UnitFeatures two = UnitFeatures.ofRows(new double[] {1, 0, 1, 1}, 2, 2);
    SeriationResult r2 = Seriation.seriate(two, Affinity.SHIFT, Ordering.FIEDLER, null);
    // Fiedler vector of a 2-node graph is (1, −1)/√2; ascending puts unit 1 first.
    assertArrayEquals(new int[] {1, 0}, r2.order());
    assertEquals(Math.sqrt(0.5), r2.pathAfter(), 1e-12);
    UnitFeatures orth = UnitFeatures.ofRows(new double[] {1, 0, 0, 1}, 2, 2);
    FiedlerOrder split = Seriation.fiedler(orth, Affinity.CLAMP, Seriation.Solver.AUTO);
    assertArrayEquals(new int[] {0, 1}, split.order());
    assertEquals(2, split.components());
  }

  @Test
  void pathSimilaritiesMatchTheMatrix() {
    int n = 25;
    double[] rows = new double[n * 6];
    SplittableRandom r = new SplittableRandom(5);
    for (int i = 0; i < rows.length; i++) {
      rows[i] = r.nextGaussian() + 0.3;
    }
    UnitFeatures f = UnitFeatures.ofRows(rows, n, 6);
    float[] s = f.similarityMatrix();
    int[] order = TestNets.shuffled(n, 6);
    double path = 0;
    for (int i = 0; i + 1 < n; i++) {
      path += s[order[i] * n + order[i + 1]];
    }
    assertEquals(path, f.pathSimilarity(order), 1e-5);
    double off = 0;
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        off += a == b ? 0 : s[a * n + b];
      }
    }
    assertEquals((n - 1) * off / (n * (n - 1.0)), f.randomPathSimilarity(), 1e-5);
  }

  @Test
  void greedyRecoversABandAndTwoOptNeverLosesToItsStart() {
    int n = 50;
    int[] p = TestNets.shuffled(n, 7);
    UnitFeatures clean = UnitFeatures.ofRows(curve(p, n, 0), n, 3);
    SeriationResult greedy = Seriation.seriate(clean, Affinity.SHIFT, Ordering.GREEDY, null);
    assertMonotone(IntStream.of(greedy.order()).map(i -> p[i]).toArray(), "greedy");
    assertEquals(0, greedy.fiedler().length);
    UnitFeatures f = UnitFeatures.ofRows(curve(p, n, 0.05), n, 3);
    SeriationResult fiedler = Seriation.seriate(f, Affinity.SHIFT, Ordering.FIEDLER, null);
    SeriationResult twoOpt = Seriation.seriate(f, Affinity.SHIFT, Ordering.TWO_OPT, null);
    assertTrue(twoOpt.pathAfter() >= fiedler.pathAfter() - 1e-9);
    // From a random start 2-opt must improve a lot.
    float[] s = f.similarityMatrix();
    int[] start = TestNets.shuffled(n, 8);
    int[] improved = PathOrderings.twoOpt(s, n, start);
    assertTrue(f.pathSimilarity(improved) > f.pathSimilarity(start) + 1);
    assertTrue(isPermutation(improved));
  }

  @Test
  void randomOrderingIsASeededPermutation() {
    UnitFeatures f = UnitFeatures.ofRows(curve(TestNets.shuffled(20, 1), 20, 0), 20, 3);
    int[] a =
        Seriation.seriate(f, Affinity.SHIFT, Ordering.RANDOM, new SplittableRandom(3)).order();
    int[] b =
        Seriation.seriate(f, Affinity.SHIFT, Ordering.RANDOM, new SplittableRandom(3)).order();
    int[] c =
        Seriation.seriate(f, Affinity.SHIFT, Ordering.RANDOM, new SplittableRandom(4)).order();
    assertArrayEquals(a, b);
    assertFalse(Arrays.equals(a, c));
    assertTrue(isPermutation(a));
  }

  /** Unit i lies at angle π·p[i]/(n−1) on a half circle (plus an offset coordinate and noise). */
  static double[] curve(int[] p, int n, double noise) {
    SplittableRandom r = new SplittableRandom(99);
    double[] rows = new double[n * 3];
    for (int i = 0; i < n; i++) {
      double t = Math.PI * p[i] / (n - 1);
      rows[i * 3] = Math.cos(t) + noise * r.nextGaussian();
      rows[i * 3 + 1] = Math.sin(t) + noise * r.nextGaussian();
      rows[i * 3 + 2] = 0.3;
    }
    return rows;
  }

  static void assertMonotone(int[] seq, String what) {
    boolean up = true;
    boolean down = true;
    for (int i = 0; i + 1 < seq.length; i++) {
      up &= seq[i] < seq[i + 1];
      down &= seq[i] > seq[i + 1];
    }
    assertTrue(up || down, what + " not monotone: " + Arrays.toString(seq));
  }

  static boolean isPermutation(int[] order) {
    int[] sorted = order.clone();
    Arrays.sort(sorted);
    return Arrays.equals(sorted, IntStream.range(0, order.length).toArray());
  }
}
