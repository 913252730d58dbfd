package dev.csrlab.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/** Small synthetic idx files (same format as MNIST, few samples) for the data-layer tests. */
final class IdxFixtures {
  static final int TRAIN = 12;
  static final int TEST = 5;

  private IdxFixtures() {}

  static byte[] images(int count, int rows, int cols, long seed) {
    ByteBuffer b = ByteBuffer.allocate(16 + count * rows * cols);
    b.putInt(IdxReader.IMAGE_MAGIC).putInt(count).putInt(rows).putInt(cols);
    byte[] pixels = new byte[count * rows * cols];
    new Random(seed).nextBytes(pixels);
    return b.put(pixels).array();
  }

  static byte[] images(int count, long seed) {
    return images(count, 28, 28, seed);
  }

  static byte[] labels(int count, long seed) {
    ByteBuffer b = ByteBuffer.allocate(8 + count);
    b.putInt(IdxReader.LABEL_MAGIC).putInt(count);
    Random r = new Random(seed);
    for (int i = 0; i < count; i++) {
      b.put((byte) r.nextInt(10));
    }
    return b.array();
  }

  /** The four raw files of a tiny dataset. */
  static Map<IdxFile, byte[]> dataset(long seed) {
    Map<IdxFile, byte[]> m = new EnumMap<>(IdxFile.class);
    m.put(IdxFile.TRAIN_IMAGES, images(TRAIN, seed));
    m.put(IdxFile.TRAIN_LABELS, labels(TRAIN, seed + 1));
    m.put(IdxFile.TEST_IMAGES, images(TEST, seed + 2));
    m.put(IdxFile.TEST_LABELS, labels(TEST, seed + 3));
    return m;
  }

  /** A checksum table that accepts exactly {@code files} for {@code kind}. */
  static ChecksumTable checksumsOf(DatasetKind kind, Map<IdxFile, byte[]> files) {
    ChecksumTable t = ChecksumTable.standard();
    for (Map.Entry<IdxFile, byte[]> e : files.entrySet()) {
      t = t.with(kind, e.getKey(), md5(e.getValue()));
    }
    return t;
  }

  static byte[] gzip(byte[] raw) {
    try {
      ByteArrayOutputStream bo = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(bo)) {
        gz.write(raw);
      }
      return bo.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String md5(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static Path write(Path file, byte[] data) {
    try {
      Files.createDirectories(file.getParent());
      return Files.write(file, data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
