package dev.csrlab.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * PyTorch's default {@code nn.Linear} initialisation, seeded from our own random stream so every
 * variant of a seed starts identically: weights U(−1/√in, 1/√in) (kaiming_uniform with a=√5), bias
 * U(−1/√in, 1/√in).
 */
public final class Initialisation {
  private Initialisation() {}

  /** An MLP {@code input → widths… → output} with PyTorch default init. */
  public static MlpWeights pytorchDefault(
      int input, List<Integer> hiddenWidths, int output, SplittableRandom random) {
    List<DenseLayer> layers = new ArrayList<>();
    int in = input;
    List<Integer> sizes = new ArrayList<>(hiddenWidths);
    sizes.add(output);
    for (int out : sizes) {
      layers.add(linear(out, in, random));
      in = out;
    }
    return new MlpWeights(layers);
  }

  /** One Linear layer with PyTorch default init. */
  public static DenseLayer linear(int out, int in, SplittableRandom random) {
    double bound = 1.0 / Math.sqrt(in);
    float[] w = new float[out * in];
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
    }
    float[] b = new float[out];
    for (int i = 0; i < out; i++) {
      b[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
    }
    return new DenseLayer(out, in, w, b);
  }
}
