package dev.csrlab.data;

import java.util.List;

/**
 * The four idx files of an MNIST-format dataset. The canonical (raw, uncompressed) name is the file
 * name inside the cache: {@code <cache>/<dataset>/<canonical name>}.
 */
public enum IdxFile {
  TRAIN_IMAGES("train-images", "idx3"),
  TRAIN_LABELS("train-labels", "idx1"),
  TEST_IMAGES("t10k-images", "idx3"),
  TEST_LABELS("t10k-labels", "idx1");

  private final String stem;
  private final String kind;

  IdxFile(String stem, String kind) {
    this.stem = stem;
    this.kind = kind;
  }

  /** E.g. {@code train-images-idx3-ubyte}: the name mirrors serve (plus .gz) and the cache uses. */
  public String fileName() {
    return stem + "-" + kind + "-ubyte";
  }

  public boolean isImages() {
    return "idx3".equals(kind);
  }

  /**
   * Names a user-given folder may hold, in preference order: the canonical name, the dotted
   * spelling some downloads use ({@code train-images.idx3-ubyte}), each raw or gzipped.
   */
  public List<String> candidateNames() {
    String dotted = stem + "." + kind + "-ubyte";
    return List.of(fileName(), fileName() + ".gz", dotted, dotted + ".gz");
  }
}
