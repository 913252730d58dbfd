package dev.csrlab.growth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.csrlab.config.Method;
import dev.csrlab.config.Options.Energy;
import dev.csrlab.config.Options.Kernel;
import dev.csrlab.config.VariantSpec;
import dev.csrlab.nn.MlpWeights;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResamplingTest {
  @Test
  void squaresResampledToNinePointsMatchAlignCorners() {
    double[] y = Resampling.resample(new double[] {0, 1, 4, 9, 16}, 9);
    assertArrayEquals(new double[] {0, 0.5, 1, 2.5, 4, 6.5, 9, 12.5, 16}, y, 1e-12);
  }

  @Test
  void nonIntegerFactorsMatchTheFormulaElementByElement() {
    for (int[] nm : new int[][] {{5, 8}, {100, 150}, {7, 10}}) {
      int n = nm[0];
      int m = nm[1];
      double[] x = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = Math.sin(0.7 * i) + 0.01 * i * i;
      }
      double[] y = Resampling.resample(x, m);
      for (int i = 0; i < m; i++) {
        double s = i * (n - 1.0) / (m - 1.0);
        int k = Math.min((int) Math.floor(s), n - 2);
        double t = s - k;
        assertEquals((1 - t) * x[k] + t * x[k + 1], y[i], 1e-12, n + "→" + m + " at " + i);
      }
      assertEquals(x[0], y[0], 0);
      assertEquals(x[n - 1], y[m - 1], 1e-12);
    }
  }

  @Test
  void equalWidthIsTheIdentityAndOneUnitIsCopied() {
    double[] x = {3, -1, 2};
    assertArrayEquals(x, Resampling.resample(x, 3), 0);
    assertArrayEquals(new double[] {5, 5, 5, 5}, Resampling.resample(new double[] {5}, 4), 0);
    assertArrayEquals(new double[] {3}, Resampling.resample(x, 1), 0);
  }

  @Test
  void nearestKernelCopiesTheUnitAtTheRoundedPosition() {
    UnitMap r = Resampling.interpolation(3, 5, Kernel.NEAREST);
    // positions s = 0, 0.5, 1, 1.5, 2 → units 0, 1 (half up), 1, 2, 2
    double[] d = r.toDense();
    int[] expected = {0, 1, 1, 2, 2};
    for (int i = 0; i < 5; i++) {
      for (int j = 0; j < 3; j++) {
        assertEquals(expected[i] == j ? 1 : 0, d[i * 3 + j], 0, "row " + i);
      }
    }
  }

  @Test
  void interiorColumnSumsOfRAreTheWidthRatioSoRatioEnergyIsNotExact() {
    int n = 5;
    int m = 9;
    double[] d = Resampling.interpolation(n, m, Kernel.LINEAR).toDense();
    for (int j = 0; j < n; j++) {
      double col = 0;
      for (int i = 0; i < m; i++) {
        col += d[i * n + j];
      }
      double expected = (j == 0 || j == n - 1) ? 0.5 * (m - 1.0) / (n - 1.0) + 0.5 : 2;
      assertEquals(expected, col, 1e-12, "column " + j);
    }
  }

  @Test
  void pinvOutgoingIsALeftInverseOfTheIncomingMap() {
    UnitMap in =
        Resampling.interpolation(6, 11, Kernel.LINEAR)
            .after(UnitMap.selection(6, TestNets.shuffled(6, 3)));
    double[] r = in.toDense();
    double[] nT = Resampling.pseudoInverseOutgoing(in).toDense(); // (M⁺)ᵀ, 11×6
    for (int a = 0; a < 6; a++) {
      for (int b = 0; b < 6; b++) {
        double s = 0; // (M⁺·M)[a][b] = Σ_i N[i][a]·M[i][b]
        for (int i = 0; i < 11; i++) {
          s += nT[i * 6 + a] * r[i * 6 + b];
        }
        assertEquals(a == b ? 1 : 0, s, 1e-10);
      }
    }
  }

  @Test
  void pinvEnergyPreservesALinearNetworkExactly() {
    MlpWeights w = TestNets.mlp(11, 12, List.of(9, 7), 4);
    float[] x = TestNets.inputs(12, 16, 12);
    VariantSpec pinv = VariantSpec.of(Method.CONTINUOUS).withEnergy(Energy.PINV);
    WideningOutcome out = Widening.widen(w, null, List.of(20, 13), pinv, 5, null);
    double err =
        TestNets.maxAbsDiff(
            TestNets.linearForward(w, x, 16), TestNets.linearForward(out.weights(), x, 16));
    assertTrue(err < 1e-5, "linear network changed by " + err);
    assertTrue(Double.isNaN(out.energyScale()[0]));
    VariantSpec ratio = VariantSpec.of(Method.CONTINUOUS);
    WideningOutcome r = Widening.widen(w, null, List.of(20, 13), ratio, 5, null);
    double ratioErr =
        TestNets.maxAbsDiff(
            TestNets.linearForward(w, x, 16), TestNets.linearForward(r.weights(), x, 16));
    assertTrue(ratioErr > 100 * err, "ratio energy should not be exact: " + ratioErr);
    assertEquals(9.0 / 20, r.energyScale()[0], 1e-15);
  }
}
