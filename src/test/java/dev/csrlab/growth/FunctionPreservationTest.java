package dev.csrlab.growth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.csrlab.config.Method;
import dev.csrlab.config.Options.Activation;
import dev.csrlab.config.VariantSpec;
import dev.csrlab.nn.DenseLayer;
import dev.csrlab.nn.MlpWeights;
import dev.csrlab.nn.ReferenceForward;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Operators that must leave the network's function unchanged (SPEC §1.1, §1.2). */
class FunctionPreservationTest {
  private static final int BATCH = 32;

  @Test
  void permutationOfHiddenUnitsLeavesOutputsUnchanged() {
    for (List<Integer> hidden : List.of(List.of(16, 12), List.of(16, 12, 9))) {
      MlpWeights w = TestNets.mlp(1, 10, hidden, 5);
      MlpWeights p = w;
      for (int h = 1; h <= hidden.size(); h++) {
        p = permuteHidden(p, h, TestNets.shuffled(hidden.get(h - 1), 100 + h));
      }
      assertTrue(!p.equals(w), "the permutation must change the arrays");
      float[] x = TestNets.inputs(2, BATCH, 10);
      for (Activation a : Activation.values()) {
        double err =
            TestNets.maxAbsDiff(
                ReferenceForward.logits(w, x, BATCH, a), ReferenceForward.logits(p, x, BATCH, a));
        assertTrue(err < 1e-12, a + " depth " + hidden.size() + ": " + err);
      }
    }
  }

  @Test
  void referenceForwardMatchesHandComputedValues() {
    assertEquals(0.8413447460685429, ReferenceForward.activate(1, Activation.GELU), 1e-15);
    assertEquals(-0.15865525393145707, ReferenceForward.activate(-1, Activation.GELU), 1e-15);
    assertEquals(0.7310585786300049, ReferenceForward.activate(1, Activation.SILU), 1e-15);
    assertEquals(0, ReferenceForward.activate(-2, Activation.RELU), 0);
    // 2 → 2 → 1: h = relu([1·1 + 2·(−1) + 0.5, 3·1 + 0·2 − 1]) = [0, 2]; y = 0·4 + 2·(−0.5) + 1
    MlpWeights w =
        new MlpWeights(
            List.of(
                new DenseLayer(2, 2, new float[] {1, -1, 3, 0}, new float[] {0.5f, -1}),
                new DenseLayer(1, 2, new float[] {4, -0.5f}, new float[] {1})));
    double[] y = ReferenceForward.logits(w, new float[] {1, 2}, 1, Activation.RELU);
    assertEquals(0, y[0], 1e-12);
    // Cross-entropy of one logit is 0 (a single class).
    assertEquals(
        0,
        ReferenceForward.meanCrossEntropy(w, new float[] {1, 2}, new int[] {0}, Activation.RELU),
        1e-12);
  }

  @Test
  void net2netWithoutNoisePreservesOutputs() {
    VariantSpec v = VariantSpec.of(Method.NET2NET).withNoise(0);
    assertPreserved(v, List.of(128), List.of(256));
    assertPreserved(v, List.of(64, 64), List.of(100, 100));
    assertPreserved(v, List.of(64, 64, 64), List.of(100, 100, 100));
    assertPreserved(v, List.of(5, 5), List.of(13, 13));
  }

  @Test
  void net2netEachOnceWithoutNoisePreservesOutputs() {
    VariantSpec v = VariantSpec.of(Method.NET2NET_EACH_ONCE).withNoise(0);
    assertPreserved(v, List.of(128, 128), List.of(256, 256));
    assertPreserved(v, List.of(64, 64, 64), List.of(100, 100, 100));
    assertPreserved(v, List.of(5, 5), List.of(9, 10));
  }

  @Test
  void zeroOutgoingPreservesOutputs() {
    VariantSpec v = VariantSpec.of(Method.ZERO_OUTGOING);
    assertPreserved(v, List.of(64, 64), List.of(100, 128));
    assertPreserved(v, List.of(5, 5, 5), List.of(13, 5, 7));
  }

  @Test
  void net2netNoiseMovesOnlyTheCopies() {
    MlpWeights w = TestNets.mlp(3, 20, List.of(8, 8), 4);
    VariantSpec v = VariantSpec.of(Method.NET2NET);
    WideningOutcome clean = Widening.widen(w, null, List.of(14, 8), v.withNoise(0), 9, null);
    WideningOutcome noisy = Widening.widen(w, null, List.of(14, 8), v, 9, null);
    DenseLayer a = clean.weights().layers().get(0);
    DenseLayer b = noisy.weights().layers().get(0);
    int in = a.inFeatures();
    double moved = 0;
    for (int i = 0; i < a.weight().length; i++) {
      if (i < 8 * in) {
        assertEquals(a.weight()[i], b.weight()[i], 0, "original unit weight " + i);
      } else {
        moved = Math.max(moved, Math.abs(a.weight()[i] - b.weight()[i]));
      }
    }
    double std = Net2Net.weightStd(w.layers().get(0));
    assertTrue(moved > 0 && moved < 0.1 * std, "copy noise " + moved + " vs std " + std);
    // Separate streams: the noise does not change which units were copied (outgoing identical).
    assertEquals(clean.weights().layers().get(1), noisy.weights().layers().get(1));
  }

  @Test
  void eachOnceRefusesMoreThanDoubling() {
    MlpWeights w = TestNets.mlp(3, 6, List.of(4), 2);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Widening.widen(
                    w, null, List.of(9), VariantSpec.of(Method.NET2NET_EACH_ONCE), 0, null));
    assertTrue(e.getMessage().contains("at most 8"), e.getMessage());
  }

  @Test
  void eachOnceDuplicatesDistinctUnitsAndHalvesBoth() {
    int[] g = Net2Net.eachOnceMapping(10, 17, new java.util.SplittableRandom(4));
    int[] k = Net2Net.counts(g, 10);
    int doubled = 0;
    for (int c : k) {
      assertTrue(c == 1 || c == 2);
      doubled += c == 2 ? 1 : 0;
    }
    assertEquals(7, doubled);
    double[] out = Net2Net.outgoing(g, 10).toDense();
    for (int j = 10; j < 17; j++) {
      assertEquals(0.5, out[j * 10 + g[j]], 0);
      assertEquals(0.5, out[g[j] * 10 + g[j]], 0);
    }
  }

  private static void assertPreserved(VariantSpec v, List<Integer> from, List<Integer> to) {
    MlpWeights w = TestNets.mlp(7, 30, from, 10);
    float[] x = TestNets.inputs(8, BATCH, 30);
    WideningOutcome out = Widening.widen(w, null, to, v, 42, null);
    assertEquals(to, out.weights().hiddenWidths());
    for (Activation a : Activation.values()) {
      double err =
          TestNets.maxAbsDiff(
              ReferenceForward.logits(w, x, BATCH, a),
              ReferenceForward.logits(out.weights(), x, BATCH, a));
      assertTrue(err < 1e-5, v.method() + " " + from + "→" + to + " " + a + ": " + err);
    }
  }

  /** Rows of W_{h-1}, entries of b_{h-1} and columns of W_h reordered by {@code perm}. */
  static MlpWeights permuteHidden(MlpWeights w, int h, int[] perm) {
    DenseLayer in = w.layers().get(h - 1);
    DenseLayer out = w.layers().get(h);
    int n = perm.length;
    float[] wi = new float[in.weight().length];
    float[] bi = new float[n];
    float[] wo = new float[out.weight().length];
    for (int i = 0; i < n; i++) {
      System.arraycopy(
          in.weight(), perm[i] * in.inFeatures(), wi, i * in.inFeatures(), in.inFeatures());
      bi[i] = in.bias()[perm[i]];
      for (int r = 0; r < out.outFeatures(); r++) {
        wo[r * n + i] = out.weight()[r * n + perm[i]];
      }
    }
    List<DenseLayer> layers = new ArrayList<>(w.layers());
    layers.set(h - 1, new DenseLayer(n, in.inFeatures(), wi, bi));
    layers.set(h, new DenseLayer(out.outFeatures(), n, wo, out.bias()));
    return new MlpWeights(layers);
  }
}
