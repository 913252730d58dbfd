package dev.csrlab.data;

import dev.csrlab.config.ExperimentConfig;

/**
 * The splits of SPEC §1 "Decision — data split": training = the first (60000 − validationSize)
 * training images (optionally only the first {@code trainSubset}), validation = the last {@code
 * validationSize} training images, validation subset = the first {@code valSubset} of the
 * validation split (SPEC §2), test = the 10k test file, used only for final accuracy.
 */
public record DataSplits(
    Split train,
    Split validation,
    Split validationSubset,
    Split test,
    String dataset,
    double mean,
    double std) {

  /** Normalises and splits {@code d} as the config asks. */
  public static DataSplits of(LoadedDataset d, ExperimentConfig c) {
    int total = d.trainCount();
    int valSize = c.validationSize();
    if (valSize < 1 || valSize >= total) {
      throw new IllegalArgumentException(
          "validationSize "
              + valSize
              + " must be in 1.."
              + (total - 1)
              + " (the dataset has "
              + total
              + " training images)");
    }
    // Same rule as ConfigValidator.trainSize, so step counts derived from the config match.
    int available = total - valSize;
    int trainSize = c.trainSubset() > 0 ? Math.min(c.trainSubset(), available) : available;
    if (c.valSubset() < 1 || c.valSubset() > valSize) {
      throw new IllegalArgumentException(
          "valSubset " + c.valSubset() + " must be in 1..validationSize (" + valSize + ")");
    }
    float[] lut = normalisation(d.kind());
    Split validation = slice(d.trainImages(), d.trainLabels(), total - valSize, valSize, lut);
    return new DataSplits(
        slice(d.trainImages(), d.trainLabels(), 0, trainSize, lut),
        validation,
        validation.head(c.valSubset()),
        slice(d.testImages(), d.testLabels(), 0, d.testCount(), lut),
        d.kind().id(),
        d.kind().mean(),
        d.kind().std());
  }

  /**
   * Value of each uint8 pixel after {@code (x/255 − mean)/std}, in float32 arithmetic exactly as
   * torchvision's ToTensor + Normalize compute it, so inputs match a PyTorch reference bit for bit.
   */
  static float[] normalisation(DatasetKind kind) {
    float mean = (float) kind.mean();
    float std = (float) kind.std();
    float[] lut = new float[256];
    for (int v = 0; v < 256; v++) {
      lut[v] = ((float) v / 255f - mean) / std;
    }
    return lut;
  }

  private static Split slice(byte[] images, byte[] labels, int from, int n, float[] lut) {
    int f = Split.FEATURES;
    float[] x = new float[Math.multiplyExact(n, f)];
    int[] y = new int[n];
    int base = from * f;
    for (int i = 0; i < x.length; i++) {
      x[i] = lut[images[base + i] & 0xff];
    }
    for (int i = 0; i < n; i++) {
      y[i] = labels[from + i];
    }
    return new Split(x, y, n);
  }
}
