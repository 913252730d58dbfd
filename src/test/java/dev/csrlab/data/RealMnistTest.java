package dev.csrlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.csrlab.config.ExperimentConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Loads the real MNIST from the user cache ({@code $CSR_LAB_DATA_DIR} or {@code
 * ~/.cache/csr-lab/data}). Deliberately fails, never skips, when MNIST is absent: CI runs {@code
 * .ci/fetch-data.sh} first, so absence is a broken pipeline.
 */
class RealMnistTest {
  /** Published class counts of the MNIST training (60k) and test (10k) files. */
  private static final int[] TRAIN_HISTOGRAM = {
    5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949
  };

  private static final int[] TEST_HISTOGRAM = {
    980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009
  };

  @Test
  void realMnistLoadsWithPublishedCountsAndDefaultSplits() throws Exception {
    List<String> log = new ArrayList<>();
    LoadedDataset d = DatasetStore.standard(null, log::add).load("mnist");

    assertEquals(60_000, d.trainCount());
    assertEquals(10_000, d.testCount());
    assertArrayEquals(TRAIN_HISTOGRAM, histogram(d.trainLabels()));
    assertArrayEquals(TEST_HISTOGRAM, histogram(d.testLabels()));

    DataSplits s = DataSplits.of(d, ExperimentConfig.defaults());
    assertEquals(50_000, s.train().n());
    assertEquals(10_000, s.validation().n());
    assertEquals(1_024, s.validationSubset().n());
    assertEquals(10_000, s.test().n());
    assertEquals("mnist", s.dataset());
    // Validation is the tail of the 60k: its first label is training label 50,000.
    assertEquals(d.trainLabels()[50_000], s.validation().y()[0]);
    assertEquals(d.trainLabels()[49_999], s.train().y()[49_999]);

    // (x/255 − 0.1307)/0.3081 over the 50k training images: mean ≈ 0, std ≈ 1.
    double sum = 0;
    double sumSq = 0;
    for (float v : s.train().x()) {
      sum += v;
      sumSq += (double) v * v;
    }
    double mean = sum / s.train().x().length;
    double std = Math.sqrt(sumSq / s.train().x().length - mean * mean);
    assertEquals(0.0, mean, 0.01, "normalised mean");
    assertEquals(1.0, std, 0.01, "normalised std");
    assertTrue(log.stream().anyMatch(l -> l.startsWith("Loading mnist")), log.toString());
  }

  private static int[] histogram(byte[] labels) {
    int[] h = new int[10];
    for (byte b : labels) {
      h[b]++;
    }
    return h;
  }
}
