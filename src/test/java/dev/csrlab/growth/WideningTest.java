package dev.csrlab.growth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.csrlab.config.Method;
import dev.csrlab.config.Options.Activation;
import dev.csrlab.config.Options.Energy;
import dev.csrlab.config.Options.Features;
import dev.csrlab.config.VariantSpec;
import dev.csrlab.nn.MlpWeights;
import dev.csrlab.nn.ReferenceForward;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WideningTest {
  private static final VariantSpec C = VariantSpec.of(Method.CONTINUOUS);

  @Test
  void everyHiddenLayerIsReportedAndUnchangedLayersStayUnchanged() {
    MlpWeights w = TestNets.mlp(1, 12, List.of(8, 6, 5), 4);
    WideningOutcome out = Widening.widen(w, null, List.of(14, 6, 9), C, 0, null);
    assertEquals(List.of(14, 6, 9), out.weights().hiddenWidths());
    assertEquals(3, out.layers().size());
    LayerWidening l1 = out.layers().get(0);
    assertEquals(1, l1.hidden());
    assertEquals(8, l1.fromWidth());
    assertEquals(14, l1.toWidth());
    assertEquals(64, l1.similarity().length);
    assertEquals(8, l1.fiedler().length);
    assertTrue(SeriationTest.isPermutation(l1.order()));
    LayerWidening l2 = out.layers().get(1);
    assertEquals(6, l2.toWidth());
    assertArrayEquals(IntStream.range(0, 6).toArray(), l2.order());
    assertEquals(l2.pathBefore(), l2.pathAfter(), 0);
    // Hidden 2 kept its rows; its columns in W_3 are untouched, its rows in W_2 only widened.
    assertArrayEquals(w.layers().get(1).bias(), out.weights().layers().get(1).bias());
    assertArrayEquals(new double[] {8.0 / 14, 1, 5.0 / 9}, out.energyScale(), 1e-15);
  }

  @Test
  void laterLayersAreSeriatedInThePartlyWidenedModel() {
    MlpWeights w = TestNets.mlp(2, 12, List.of(8, 6), 4);
    VariantSpec v = C.withAffinity(dev.csrlab.config.Options.Affinity.SHIFT);
    WideningOutcome full = Widening.widen(w, null, List.of(14, 10), v, 0, null);
    MlpWeights firstOnly = Widening.widen(w, null, List.of(14, 6), v, 0, null).weights();
    float[] expected = UnitFeatures.of(firstOnly, 2, Features.IN_BIAS).similarityMatrix();
    assertArrayEquals(expected, full.layers().get(1).similarity());
    float[] untouched = UnitFeatures.of(w, 2, Features.IN_BIAS).similarityMatrix();
    assertTrue(!java.util.Arrays.equals(untouched, full.layers().get(1).similarity()));
  }

  @Test
  void net2netReportsTheTrainedOrderAndItsSimilarity() {
    MlpWeights w = TestNets.mlp(3, 12, List.of(8), 4);
    WideningOutcome out =
        Widening.widen(w, null, List.of(13), VariantSpec.of(Method.NET2NET), 0, null);
    LayerWidening l = out.layers().get(0);
    assertArrayEquals(IntStream.range(0, 8).toArray(), l.order());
    assertEquals(64, l.similarity().length);
    assertEquals(0, l.fiedler().length);
    assertEquals(l.pathBefore(), l.pathAfter(), 0);
    assertTrue(Double.isNaN(out.energyScale()[0]));
  }

  @Test
  void sameSeedGivesTheSameModelAndOtherSeedsDiffer() {
    MlpWeights w = TestNets.mlp(4, 12, List.of(8, 8), 4);
    for (Method m : List.of(Method.NET2NET, Method.CONTINUOUS_RANDOM, Method.ZERO_OUTGOING)) {
      VariantSpec v = VariantSpec.of(m);
      MlpWeights a = Widening.widen(w, null, List.of(12, 12), v, 5, null).weights();
      MlpWeights b = Widening.widen(w, null, List.of(12, 12), v, 5, null).weights();
      MlpWeights c = Widening.widen(w, null, List.of(12, 12), v, 6, null).weights();
      assertEquals(a, b, m.id());
      assertNotEquals(a, c, m.id());
    }
  }

  @Test
  void methodsThatDoNotWidenAndNarrowingAreRejected() {
    MlpWeights w = TestNets.mlp(5, 6, List.of(4), 2);
    for (Method m : List.of(Method.SCRATCH, Method.SMALL_CONTINUE, Method.SCRATCH_MATCHED)) {
      assertThrows(
          IllegalArgumentException.class,
          () -> Widening.widen(w, null, List.of(8), VariantSpec.of(m), 0, null));
    }
    assertThrows(
        IllegalArgumentException.class, () -> Widening.widen(w, null, List.of(3), C, 0, null));
    assertThrows(
        IllegalArgumentException.class, () -> Widening.widen(w, null, List.of(8, 8), C, 0, null));
    assertThrows(
        IllegalArgumentException.class,
        () -> Widening.widen(w, null, List.of(8), C.withEnergy(Energy.FITTED), 0, null));
  }

  @Test
  void fittedEnergyLosesNoMoreThanRatioOrNoneOnItsBatch() {
    MlpWeights w = TestNets.mlp(6, 20, List.of(16, 16), 5);
    float[] x = TestNets.inputs(7, 64, 20);
    double[] logits = ReferenceForward.logits(w, x, 64, Activation.RELU);
    int[] labels = new int[64];
    for (int b = 0; b < 64; b++) {
      int best = 0;
      for (int j = 1; j < 5; j++) {
        best = logits[b * 5 + j] > logits[b * 5 + best] ? j : best;
      }
      labels[b] = best;
    }
    ToDoubleFunction<MlpWeights> loss =
        m -> ReferenceForward.meanCrossEntropy(m, x, labels, Activation.RELU);
    WideningOutcome two =
        Widening.widen(w, null, List.of(40, 40), C.withEnergy(Energy.FITTED), 0, loss);
    for (double c : two.energyScale()) {
      assertTrue(c >= 0 && c <= 1, "c = " + c);
    }
    // One widened layer: the fitted c is the best of all c on its batch, ratio and none included.
    List<Integer> target = List.of(40, 16);
    WideningOutcome fitted = Widening.widen(w, null, target, C.withEnergy(Energy.FITTED), 0, loss);
    double lf = loss.applyAsDouble(fitted.weights());
    for (Energy e : List.of(Energy.RATIO, Energy.NONE)) {
      double le =
          loss.applyAsDouble(Widening.widen(w, null, target, C.withEnergy(e), 0, null).weights());
      // 1e-6: fitted scales float weights after the map, the fixed rules inside it.
      assertTrue(lf <= le + 1e-6, "fitted " + lf + " vs " + e + " " + le);
    }
  }

  @Test
  void goldenSectionFindsTheMinimumOfAParabola() {
    double c = EnergyFit.minimise(v -> (v - 0.37) * (v - 0.37), 1.0);
    assertEquals(0.37, c, 1e-6);
    assertEquals(0, EnergyFit.minimise(v -> v, 2.0), 1e-6);
  }
}
