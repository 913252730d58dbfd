package dev.csrlab.data;

import static dev.csrlab.data.IdxReaderTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.csrlab.config.ExperimentConfig;
import org.junit.jupiter.api.Test;

class DataSplitsTest {
  static final int TRAIN = 100;
  static final int TEST = 7;

  /** Image i of the training file has every pixel = i; label = i mod 10 (easy to track). */
  static LoadedDataset numbered(DatasetKind kind) {
    byte[] trainImages = new byte[TRAIN * 784];
    byte[] trainLabels = new byte[TRAIN];
    for (int i = 0; i < TRAIN; i++) {
      java.util.Arrays.fill(trainImages, i * 784, (i + 1) * 784, (byte) i);
      trainLabels[i] = (byte) (i % 10);
    }
    byte[] testImages = new byte[TEST * 784];
    java.util.Arrays.fill(testImages, (byte) 255);
    return new LoadedDataset(kind, trainImages, trainLabels, testImages, new byte[TEST]);
  }

  static ExperimentConfig config(int trainSubset, int validationSize, int valSubset) {
    ExperimentConfig.Builder b = ExperimentConfig.defaults().toBuilder();
    b.trainSubset = trainSubset;
    b.validationSize = validationSize;
    b.valSubset = valSubset;
    return b.build();
  }

  @Test
  void validationIsTheTailAndTrainingTheHeadOfTheTrainingFile() {
    DataSplits s = DataSplits.of(numbered(DatasetKind.MNIST), config(0, 20, 5));

    assertEquals(80, s.train().n());
    assertEquals(20, s.validation().n());
    assertEquals(5, s.validationSubset().n());
    assertEquals(TEST, s.test().n());
    assertEquals(80 * 784, s.train().x().length);
    assertEquals(79 % 10, s.train().y()[79]);
    assertEquals(80 % 10, s.validation().y()[0]);
    assertEquals(normalised(80, 0.1307, 0.3081), s.validation().x()[0]);
    assertEquals(normalised(99, 0.1307, 0.3081), s.validation().x()[20 * 784 - 1]);
    assertArrayEquals(java.util.Arrays.copyOf(s.validation().y(), 5), s.validationSubset().y());
    assertArrayEquals(
        java.util.Arrays.copyOf(s.validation().x(), 5 * 784), s.validationSubset().x());
  }

  @Test
  void trainSubsetTakesTheFirstSamplesAndIsCappedAtTheTrainingSplit() {
    assertEquals(30, DataSplits.of(numbered(DatasetKind.MNIST), config(30, 20, 5)).train().n());
    assertEquals(80, DataSplits.of(numbered(DatasetKind.MNIST), config(500, 20, 5)).train().n());
    // The hold-out does not move with the subset: validation still starts at sample 80.
    assertEquals(
        0, DataSplits.of(numbered(DatasetKind.MNIST), config(30, 20, 5)).validation().y()[0]);
  }

  @Test
  void normalisationUsesEachDatasetsMeanAndStdInFloat32() {
    DataSplits mnist = DataSplits.of(numbered(DatasetKind.MNIST), config(0, 20, 5));
    DataSplits fashion = DataSplits.of(numbered(DatasetKind.FASHION_MNIST), config(0, 20, 5));

    assertEquals(-0.1307f / 0.3081f, mnist.train().x()[0], 1e-6);
    assertEquals((1f - 0.1307f) / 0.3081f, mnist.test().x()[0], 1e-6); // 2.8215
    assertEquals(-0.2860f / 0.3530f, fashion.train().x()[0], 1e-6);
    assertEquals((1f - 0.2860f) / 0.3530f, fashion.test().x()[0], 1e-6);
    assertEquals(0.2860, fashion.mean());
    assertEquals(0.3530, fashion.std());
    assertEquals("fashion-mnist", fashion.dataset());
  }

  @Test
  void impossibleSizesAreRejectedWithTheLimits() {
    LoadedDataset d = numbered(DatasetKind.MNIST);
    assertMessage(
        assertThrows(IllegalArgumentException.class, () -> DataSplits.of(d, config(0, TRAIN, 5))),
        "validationSize 100 must be in 1..99");
    assertMessage(
        assertThrows(IllegalArgumentException.class, () -> DataSplits.of(d, config(0, 20, 21))),
        "valSubset 21",
        "validationSize (20)");
  }

  /** torchvision: ToTensor (x/255 in float32) then Normalize ((x − mean)/std in float32). */
  static float normalised(int v, double mean, double std) {
    return ((float) v / 255f - (float) mean) / (float) std;
  }
}
