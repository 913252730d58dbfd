package dev.csrlab.data;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Expected MD5 (lower-case hex) of the RAW, decompressed bytes of every idx file. Every file is
 * checked against this table before it enters the cache or is used. Injectable so tests can serve
 * small synthetic files with a checksum of their own.
 */
public final class ChecksumTable {
  private final Map<DatasetKind, Map<IdxFile, String>> md5;

  private ChecksumTable(Map<DatasetKind, Map<IdxFile, String>> md5) {
    this.md5 = md5;
  }

  /** The published checksums of MNIST and Fashion-MNIST (raw files). */
  public static ChecksumTable standard() {
    Map<DatasetKind, Map<IdxFile, String>> m = new EnumMap<>(DatasetKind.class);
    m.put(DatasetKind.MNIST, files(
        "6bbc9ace898e44ae57da46a324031adb", "a25bea736e30d166cdddb491f175f624",
        "2646ac647ad5339dbf082846283269ea", "27ae3e4e09519cfbb04c329615203637"));
    m.put(DatasetKind.FASHION_MNIST, files(
        "f4a8712d7a061bf5bd6d2ca38dc4d50a", "9018921c3c673c538a1fc5bad174d6f9",
        "8181f5470baa50b63fa0f6fddb340f0a", "15d484375f8d13e6eb1aabb0c3f46965"));
    return new ChecksumTable(m);
  }

  /** A copy of this table with one entry replaced. */
  public ChecksumTable with(DatasetKind kind, IdxFile file, String md5Hex) {
    Map<DatasetKind, Map<IdxFile, String>> m = new EnumMap<>(DatasetKind.class);
    md5.forEach((k, v) -> m.put(k, new EnumMap<>(v)));
    m.computeIfAbsent(kind, k -> new EnumMap<>(IdxFile.class)).put(file, md5Hex.toLowerCase(Locale.ROOT));
    return new ChecksumTable(m);
  }

  /** The expected MD5; throws if the table has none (a table without it cannot verify). */
  public String expected(DatasetKind kind, IdxFile file) {
    String s = md5.getOrDefault(kind, Map.of()).get(file);
    if (s == null) {
      throw new IllegalStateException("no checksum for " + kind.id() + "/" + file.fileName());
    }
    return s;
  }

  private static Map<IdxFile, String> files(
      String trainImages, String trainLabels, String testImages, String testLabels) {
    Map<IdxFile, String> m = new EnumMap<>(IdxFile.class);
    m.put(IdxFile.TRAIN_IMAGES, trainImages);
    m.put(IdxFile.TRAIN_LABELS, trainLabels);
    m.put(IdxFile.TEST_IMAGES, testImages);
    m.put(IdxFile.TEST_LABELS, testLabels);
    return m;
  }
}
