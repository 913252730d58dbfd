package dev.csrlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.csrlab.config.Options;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AdamWTest {
  private static final double LR = 1e-3;
  private static final double B1 = 0.9;
  private static final double B2 = 0.999;
  private static final double EPS = 1e-8;
  private static final double WD = 0.01;

  /**
   * Loss = Σ p·c_t with a known per-step coefficient tensor c_t, so the gradient is exactly c_t;
   * the reference is torch.optim.AdamW's algorithm written out in double precision.
   */
  @Test
  void matchesHandComputedTorchAdamWOverSeveralSteps() {
    MlpWeights init = Initialisation.pytorchDefault(3, List.of(2), 2, new SplittableRandom(1));
    float[] w0 = init.layers().get(0).weight();
    double[] p = toDouble(w0);
    double[] m = new double[p.length];
    double[] v = new double[p.length];
    try (NDManager root = NDManager.newBaseManager();
        Mlp mlp = Mlp.of(root, init, Options.Activation.RELU);
        AdamW opt = new AdamW(mlp, B1, B2, EPS, WD, null)) {
      for (int t = 1; t <= 6; t++) {
        float[] c = new float[p.length];
        for (int i = 0; i < c.length; i++) {
          c[i] = (float) Math.sin(0.7 * t + i) * (i % 2 == 0 ? 1e-3f : 2f);
        }
        try (NDManager step = root.newSubManager();
            GradientCollector gc = Engine.getInstance().newGradientCollector()) {
          NDArray coeff = step.create(c, new Shape(2, 3));
          // The other tensors get a zero gradient so every parameter has one to update from.
          NDArray others =
              mlp.biases()
                  .get(0)
                  .sum()
                  .add(mlp.weights().get(1).sum())
                  .add(mlp.biases().get(1).sum())
                  .mul(0f);
          gc.backward(mlp.weights().get(0).mul(coeff).sum().add(others));
        }
        opt.step(LR);
        for (int i = 0; i < p.length; i++) {
          double g = c[i];
          p[i] *= 1 - LR * WD;
          m[i] = B1 * m[i] + (1 - B1) * g;
          v[i] = B2 * v[i] + (1 - B2) * g * g;
          double mHat = m[i] / (1 - Math.pow(B1, t));
          double vHat = v[i] / (1 - Math.pow(B2, t));
          p[i] -= LR * mHat / (Math.sqrt(vHat) + EPS);
        }
      }
      float[] got = mlp.weights().get(0).toFloatArray();
      for (int i = 0; i < p.length; i++) {
        assertEquals(p[i], got[i], 2e-7, "weight " + i);
      }
      OptimizerState s = opt.toState();
      assertEquals(6, s.weightSteps()[0]);
      for (int i = 0; i < p.length; i++) {
        assertEquals(m[i], s.expAvg().layers().get(0).weight()[i], 1e-6 * Math.abs(m[i]));
        // The native kernel takes β2 as a float: 1 − 0.999f = 0.00099998713, 1.3e-5 away from
        // PyTorch's double 0.001. Through √v that moves an update by ~6e-6 relative.
        assertEquals(v[i], s.expAvgSq().layers().get(0).weight()[i], 2e-5 * Math.abs(v[i]));
      }
    }
  }

  private static double[] toDouble(float[] a) {
    double[] d = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = a[i];
    }
    return d;
  }
}
