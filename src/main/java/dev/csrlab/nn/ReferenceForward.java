package dev.csrlab.nn;

import dev.csrlab.config.Options.Activation;
import org.apache.commons.math3.special.Erf;

/**
 * A plain-Java forward pass of an MLP in double precision: the yardstick that growth operators are
 * tested against (a permutation or Net2Net must leave these logits unchanged) and the loss that the
 * {@code fitted} energy option minimises. Hidden layers use the activation, the last layer is
 * linear (logits), as in the lab's model.
 */
public final class ReferenceForward {
  private ReferenceForward() {}

  /**
   * Logits for a batch.
   *
   * @param inputs batch × inputSize, row-major
   * @return batch × outputSize logits, row-major
   */
  public static double[] logits(MlpWeights w, float[] inputs, int batch, Activation activation) {
    int in = w.inputSize();
    if (batch < 0 || inputs.length != batch * in) {
      throw new IllegalArgumentException(
          "inputs hold "
              + inputs.length
              + " values, expected batch "
              + batch
              + " × input size "
              + in);
    }
    double[] h = new double[inputs.length];
    for (int i = 0; i < h.length; i++) {
      h[i] = inputs[i];
    }
    int last = w.layers().size() - 1;
    for (int l = 0; l <= last; l++) {
      h = linear(w.layers().get(l), h, batch);
      if (l < last) {
        for (int i = 0; i < h.length; i++) {
          h[i] = activate(h[i], activation);
        }
      }
    }
    return h;
  }

  /** Mean softmax cross-entropy of the logits against integer labels (torch's default loss). */
  public static double meanCrossEntropy(
      MlpWeights w, float[] inputs, int[] labels, Activation activation) {
    int batch = labels.length;
    double[] z = logits(w, inputs, batch, activation);
    int k = w.outputSize();
    double total = 0;
    for (int b = 0; b < batch; b++) {
      if (labels[b] < 0 || labels[b] >= k) {
        throw new IllegalArgumentException("label " + labels[b] + " outside [0, " + k + ")");
      }
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        max = Math.max(max, z[b * k + j]);
      }
      double sum = 0;
      for (int j = 0; j < k; j++) {
        sum += Math.exp(z[b * k + j] - max);
      }
      total += max + Math.log(sum) - z[b * k + labels[b]];
    }
    return batch == 0 ? 0 : total / batch;
  }

  /**
   * The hidden non-linearity; GELU is the exact erf form, torch's default ({@code
   * approximate='none'}).
   */
  public static double activate(double x, Activation activation) {
    return switch (activation) {
      case RELU -> x > 0 ? x : 0;
      case GELU -> 0.5 * x * (1 + Erf.erf(x / Math.sqrt(2)));
      case SILU -> x / (1 + Math.exp(-x));
    };
  }

  private static double[] linear(DenseLayer layer, double[] x, int batch) {
    int in = layer.inFeatures();
    int out = layer.outFeatures();
    float[] wt = layer.weight();
    double[] y = new double[batch * out];
    for (int b = 0; b < batch; b++) {
      for (int o = 0; o < out; o++) {
        double s = layer.bias()[o];
        int row = o * in;
        for (int i = 0; i < in; i++) {
          s += wt[row + i] * x[b * in + i];
        }
        y[b * out + o] = s;
      }
    }
    return y;
  }
}
