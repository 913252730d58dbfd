package dev.csrlab.nn;

import java.util.Arrays;

/**
 * One Linear layer as plain arrays, PyTorch layout: {@code weight} is row-major [out][in], so the
 * incoming weights of unit i are {@code weight[i*in .. i*in+in)} and column j (the outgoing weights
 * of the previous layer's unit j) is {@code weight[k*in + j]} for k in [0,out).
 */
public record DenseLayer(int outFeatures, int inFeatures, float[] weight, float[] bias) {
  public DenseLayer {
    if (weight.length != outFeatures * inFeatures || bias.length != outFeatures) {
      throw new IllegalArgumentException(
          "layer arrays do not match shape ["
              + outFeatures
              + ", "
              + inFeatures
              + "]: weight "
              + weight.length
              + ", bias "
              + bias.length);
    }
  }

  public static DenseLayer zeros(int out, int in) {
    return new DenseLayer(out, in, new float[out * in], new float[out]);
  }

  public float w(int row, int col) {
    return weight[row * inFeatures + col];
  }

  public DenseLayer copy() {
    return new DenseLayer(outFeatures, inFeatures, weight.clone(), bias.clone());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DenseLayer d
        && d.outFeatures == outFeatures
        && d.inFeatures == inFeatures
        && Arrays.equals(d.weight, weight)
        && Arrays.equals(d.bias, bias);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(weight) + Arrays.hashCode(bias);
  }

  @Override
  public String toString() {
    return "DenseLayer[" + outFeatures + "x" + inFeatures + "]";
  }
}
