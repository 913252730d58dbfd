package dev.csrlab.growth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.csrlab.config.Method;
import dev.csrlab.config.Options.Energy;
import dev.csrlab.config.Options.OptimizerPolicy;
import dev.csrlab.config.VariantSpec;
import dev.csrlab.nn.DenseLayer;
import dev.csrlab.nn.MlpWeights;
import dev.csrlab.nn.OptimizerState;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** SPEC §1.3: AdamW moments follow the weights under each policy. */
class OptimizerStateTransferTest {
  private static final List<Integer> HIDDEN = List.of(6, 7);
  private static final List<Integer> TARGET = List.of(10, 12);

  @Test
  void resampleMapsTheMomentsExactlyLikeTheWeights() {
    MlpWeights w = TestNets.mlp(1, 9, HIDDEN, 3);
    // With m := W and v := W² entrywise-positive, m' must equal W' (same maps, same order).
    for (VariantSpec v :
        List.of(
            VariantSpec.of(Method.CONTINUOUS),
            VariantSpec.of(Method.CONTINUOUS).withEnergy(Energy.PINV),
            VariantSpec.of(Method.CONTINUOUS_RANDOM),
            VariantSpec.of(Method.NET2NET).withNoise(0))) {
      OptimizerState s =
          new OptimizerState(w.copy(), w.copy(), new long[] {5, 5, 5}, new long[] {5, 5, 5});
      WideningOutcome out = Widening.widen(w, s, TARGET, v, 3, null);
      assertEquals(out.weights(), out.state().expAvg(), v.method() + " " + v.energy());
      assertArrayEquals(new long[] {5, 5, 5}, out.state().weightSteps());
    }
  }

  @Test
  void resampledSecondMomentsStayNonNegativeUnderPinv() {
    MlpWeights w = TestNets.mlp(2, 9, HIDDEN, 3);
    MlpWeights v = positive(TestNets.mlp(3, 9, HIDDEN, 3));
    OptimizerState s = new OptimizerState(w.zerosLike(), v, new long[3], new long[3]);
    VariantSpec pinv = VariantSpec.of(Method.CONTINUOUS).withEnergy(Energy.PINV);
    OptimizerState t = Widening.widen(w, s, TARGET, pinv, 0, null).state();
    for (DenseLayer l : t.expAvgSq().layers()) {
      for (float x : l.weight()) {
        assertTrue(x >= 0);
      }
    }
  }

  @Test
  void consistentScalesIncomingByCAndCSquaredAndLeavesOutgoingUnscaled() {
    MlpWeights w = TestNets.mlp(4, 9, List.of(6), 3);
    OptimizerState s =
        new OptimizerState(
            TestNets.mlp(5, 9, List.of(6), 3),
            positive(TestNets.mlp(6, 9, List.of(6), 3)),
            new long[] {7, 7},
            new long[] {7, 7});
    VariantSpec res = VariantSpec.of(Method.CONTINUOUS);
    OptimizerState a = Widening.widen(w, s, List.of(10), res, 1, null).state();
    OptimizerState b =
        Widening.widen(
                w, s, List.of(10), res.withOptimizerState(OptimizerPolicy.CONSISTENT), 1, null)
            .state();
    double c = 0.6;
    assertScaled(a.expAvg().layers().get(0), b.expAvg().layers().get(0), c);
    assertScaled(a.expAvgSq().layers().get(0), b.expAvgSq().layers().get(0), c * c);
    assertScaled(a.expAvg().layers().get(1), b.expAvg().layers().get(1), 1 / c);
    assertScaled(a.expAvgSq().layers().get(1), b.expAvgSq().layers().get(1), 1 / c);
    assertArrayEquals(new long[] {7, 7}, b.weightSteps());
  }

  @Test
  void consistentNet2NetDividesIncomingMomentsByTheCopyCount() {
    int n = 6;
    int m = 15;
    MlpWeights w = TestNets.mlp(7, 9, List.of(n), 3);
    MlpWeights mom = TestNets.mlp(8, 9, List.of(n), 3);
    MlpWeights sq = positive(TestNets.mlp(9, 9, List.of(n), 3));
    OptimizerState s = new OptimizerState(mom, sq, new long[2], new long[2]);
    long seed = 11;
    VariantSpec v = VariantSpec.of(Method.NET2NET).withOptimizerState(OptimizerPolicy.CONSISTENT);
    OptimizerState t = Widening.widen(w, s, List.of(m), v, seed, null).state();
    int[] g = Net2Net.randomMapping(n, m, new SplittableRandom(seed ^ Widening.MAPPING_STREAM));
    int[] k = Net2Net.counts(g, n);
    assertTrue(Arrays.stream(k).anyMatch(x -> x > 1));
    DenseLayer m0 = mom.layers().get(0);
    DenseLayer v0 = sq.layers().get(0);
    for (int j = 0; j < m; j++) {
      double f = 1.0 / k[g[j]];
      assertEquals(m0.w(g[j], 3) * f, t.expAvg().layers().get(0).w(j, 3), 1e-6);
      assertEquals(m0.bias()[g[j]] * f, t.expAvg().layers().get(0).bias()[j], 1e-6);
      assertEquals(v0.w(g[j], 4) * f * f, t.expAvgSq().layers().get(0).w(j, 4), 1e-6);
      // Outgoing moments are copied unscaled.
      assertEquals(mom.layers().get(1).w(2, g[j]), t.expAvg().layers().get(1).w(2, j), 0);
    }
  }

  @Test
  void resetZeroesWidenedTensorsAndRestartsTheirStepCounters() {
    List<Integer> hidden = List.of(6, 5, 4);
    MlpWeights w = TestNets.mlp(10, 9, hidden, 3);
    OptimizerState s =
        new OptimizerState(
            TestNets.mlp(11, 9, hidden, 3),
            positive(TestNets.mlp(12, 9, hidden, 3)),
            new long[] {9, 9, 9, 9},
            new long[] {9, 9, 9, 9});
    VariantSpec v = VariantSpec.of(Method.CONTINUOUS).withOptimizerState(OptimizerPolicy.RESET);
    OptimizerState t = Widening.widen(w, s, List.of(8, 5, 4), v, 2, null).state();
    assertArrayEquals(new long[] {0, 0, 9, 9}, t.weightSteps());
    assertArrayEquals(new long[] {0, 9, 9, 9}, t.biasSteps());
    for (MlpWeights mom : List.of(t.expAvg(), t.expAvgSq())) {
      assertAllZero(mom.layers().get(0).weight());
      assertAllZero(mom.layers().get(0).bias());
      assertAllZero(mom.layers().get(1).weight());
      assertEquals(8, mom.layers().get(1).inFeatures());
    }
    assertArrayEquals(s.expAvg().layers().get(1).bias(), t.expAvg().layers().get(1).bias());
    assertEquals(s.expAvg().layers().get(2), t.expAvg().layers().get(2));
    assertEquals(s.expAvgSq().layers().get(3), t.expAvgSq().layers().get(3));
  }

  private static void assertScaled(DenseLayer base, DenseLayer scaled, double f) {
    for (int i = 0; i < base.weight().length; i++) {
      assertEquals(
          base.weight()[i] * f, scaled.weight()[i], 1e-6 * (1 + Math.abs(base.weight()[i])));
    }
  }

  private static void assertAllZero(float[] a) {
    for (float x : a) {
      assertEquals(0, x, 0);
    }
  }

  /** Entrywise absolute value (a plausible second moment). */
  static MlpWeights positive(MlpWeights w) {
    MlpWeights c = w.copy();
    for (DenseLayer l : c.layers()) {
      for (int i = 0; i < l.weight().length; i++) {
        l.weight()[i] = Math.abs(l.weight()[i]);
      }
      for (int i = 0; i < l.bias().length; i++) {
        l.bias()[i] = Math.abs(l.bias()[i]);
      }
    }
    return c;
  }
}
