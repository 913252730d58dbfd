package dev.csrlab.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A dataset as stored: uint8 pixels (28×28 row-major per image) and uint8 labels of the training
 * file (60k for MNIST/Fashion) and the test file (10k). Normalisation and splitting happen in
 * {@link DataSplits}.
 */
public record LoadedDataset(
    DatasetKind kind,
    byte[] trainImages,
    byte[] trainLabels,
    byte[] testImages,
    byte[] testLabels) {
  public static final int PIXELS = IdxReader.SIDE * IdxReader.SIDE;

  public LoadedDataset {
    if (trainImages.length != (long) trainLabels.length * PIXELS
        || testImages.length != (long) testLabels.length * PIXELS) {
      throw new IllegalArgumentException("images and labels do not pair up");
    }
  }

  public int trainCount() {
    return trainLabels.length;
  }

  public int testCount() {
    return testLabels.length;
  }

  /** Reads and checks the four idx files (raw or gzipped). */
  public static LoadedDataset read(DatasetKind kind, Map<IdxFile, Path> files) throws IOException {
    Path trI = files.get(IdxFile.TRAIN_IMAGES);
    Path trL = files.get(IdxFile.TRAIN_LABELS);
    Path teI = files.get(IdxFile.TEST_IMAGES);
    Path teL = files.get(IdxFile.TEST_LABELS);
    IdxImages trainImages = IdxReader.readImages(trI);
    byte[] trainLabels = IdxReader.readLabels(trL);
    IdxReader.requireSameCount(trainImages, trI.toString(), trainLabels, trL.toString());
    IdxImages testImages = IdxReader.readImages(teI);
    byte[] testLabels = IdxReader.readLabels(teL);
    IdxReader.requireSameCount(testImages, teI.toString(), testLabels, teL.toString());
    return new LoadedDataset(
        kind, trainImages.pixels(), trainLabels, testImages.pixels(), testLabels);
  }
}
