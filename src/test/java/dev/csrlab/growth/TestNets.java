package dev.csrlab.growth;

import dev.csrlab.nn.DenseLayer;
import dev.csrlab.nn.MlpWeights;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded random MLPs and inputs for growth tests. */
final class TestNets {
  private TestNets() {}

  /** An MLP in → hidden… → out with U(−1/√fan_in, 1/√fan_in) weights and biases. */
  static MlpWeights mlp(long seed, int in, List<Integer> hidden, int out) {
    SplittableRandom r = new SplittableRandom(seed);
    List<DenseLayer> layers = new ArrayList<>();
    int prev = in;
    List<Integer> sizes = new ArrayList<>(hidden);
    sizes.add(out);
    for (int width : sizes) {
      double bound = 1 / Math.sqrt(prev);
      float[] w = new float[width * prev];
      float[] b = new float[width];
      for (int i = 0; i < w.length; i++) {
        w[i] = (float) r.nextDouble(-bound, bound);
      }
      for (int i = 0; i < b.length; i++) {
        b[i] = (float) r.nextDouble(-bound, bound);
      }
      layers.add(new DenseLayer(width, prev, w, b));
      prev = width;
    }
    return new MlpWeights(layers);
  }

  static float[] inputs(long seed, int batch, int in) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] x = new float[batch * in];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextGaussian();
    }
    return x;
  }

  static double maxAbsDiff(double[] a, double[] b) {
    if (a.length != b.length) {
      throw new AssertionError("lengths differ: " + a.length + " vs " + b.length);
    }
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, Math.abs(a[i] - b[i]));
    }
    return m;
  }

  static double[] toDouble(float[] f) {
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      d[i] = f[i];
    }
    return d;
  }

  /** Logits of the network with identity activations (a linear network), in double. */
  static double[] linearForward(MlpWeights w, float[] x, int batch) {
    double[] h = toDouble(x);
    for (DenseLayer l : w.layers()) {
      double[] y = new double[batch * l.outFeatures()];
      for (int b = 0; b < batch; b++) {
        for (int o = 0; o < l.outFeatures(); o++) {
          double s = l.bias()[o];
          for (int i = 0; i < l.inFeatures(); i++) {
            s += (double) l.w(o, i) * h[b * l.inFeatures() + i];
          }
          y[b * l.outFeatures() + o] = s;
        }
      }
      h = y;
    }
    return h;
  }

  /** Shuffled order of 0..n−1. */
  static int[] shuffled(int n, long seed) {
    return Seriation.randomPermutation(n, new SplittableRandom(seed));
  }
}
