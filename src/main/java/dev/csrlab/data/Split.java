package dev.csrlab.data;

/**
 * {@code n} normalised samples: {@code x} is {@code n × 784} floats row-major (sample i's pixels at
 * {@code x[i * 784 .. i * 784 + 783]}), {@code y} the class labels 0..9.
 */
public record Split(float[] x, int[] y, int n) {
  public static final int FEATURES = LoadedDataset.PIXELS;

  public Split {
    if (y.length != n || x.length != (long) n * FEATURES) {
      throw new IllegalArgumentException(
          "split of "
              + n
              + " samples needs "
              + n * FEATURES
              + " features and "
              + n
              + " labels, got "
              + x.length
              + " and "
              + y.length);
    }
  }

  /** The first {@code count} samples (a copy). */
  public Split head(int count) {
    if (count < 0 || count > n) {
      throw new IllegalArgumentException("head(" + count + ") of a split of " + n);
    }
    float[] hx = java.util.Arrays.copyOf(x, count * FEATURES);
    int[] hy = java.util.Arrays.copyOf(y, count);
    return new Split(hx, hy, count);
  }
}
