package dev.csrlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
  @TempDir Path dir;

  @Test
  void rawAndGzippedFilesReadIdentically() throws Exception {
    byte[] raw = IdxFixtures.images(3, 7);
    Path plain = IdxFixtures.write(dir.resolve("train-images-idx3-ubyte"), raw);
    Path gz = IdxFixtures.write(dir.resolve("other-name"), IdxFixtures.gzip(raw));

    IdxImages a = IdxReader.readImages(plain);
    IdxImages b = IdxReader.readImages(gz);
    assertEquals(3, a.count());
    assertEquals(28, a.rows());
    assertEquals(28, a.cols());
    assertArrayEquals(Arrays.copyOfRange(raw, 16, raw.length), a.pixels());
    assertArrayEquals(a.pixels(), b.pixels());

    byte[] labels = IdxFixtures.labels(4, 1);
    Path lgz = IdxFixtures.write(dir.resolve("l.gz"), IdxFixtures.gzip(labels));
    assertArrayEquals(Arrays.copyOfRange(labels, 8, 12), IdxReader.readLabels(lgz));
  }

  @Test
  void labelFileGivenAsImagesIsRejectedByMagic() {
    Path p = IdxFixtures.write(dir.resolve("swapped"), IdxFixtures.labels(4, 1));
    DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.readImages(p));
    assertMessage(e, p.toString(), "magic number 0x00000801", "expected 0x00000803", "swapped?");
  }

  @Test
  void nonIdxDataIsRejectedByMagic() {
    byte[] junk = "not an idx file".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Path p = IdxFixtures.write(dir.resolve("junk"), junk);
    DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.readLabels(p));
    assertMessage(e, "junk", "expected 0x00000801", "not an idx file");
  }

  @Test
  void imagesThatAreNot28By28AreRejected() {
    Path p = IdxFixtures.write(dir.resolve("cifar"), IdxFixtures.images(2, 32, 32, 3));
    DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.readImages(p));
    assertMessage(e, "cifar", "32x32", "expected 28x28");
  }

  @Test
  void truncatedImageFileIsRejected() {
    byte[] full = IdxFixtures.images(3, 5);
    Path p = IdxFixtures.write(dir.resolve("cut"), Arrays.copyOf(full, full.length - 100));
    DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.readImages(p));
    assertMessage(e, "cut", "truncated", "needs " + full.length, "fetch it again");
  }

  @Test
  void fileShorterThanItsHeaderIsRejected() {
    Path p = IdxFixtures.write(dir.resolve("tiny"), new byte[] {0, 0, 8, 3, 0});
    DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.readImages(p));
    assertMessage(e, "tiny", "only 5 bytes", "truncated");
  }

  @Test
  void trailingBytesAreRejected() {
    byte[] full = IdxFixtures.labels(4, 2);
    Path p = IdxFixtures.write(dir.resolve("long"), Arrays.copyOf(full, full.length + 3));
    DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.readLabels(p));
    assertMessage(e, "long", "3 bytes more");
  }

  @Test
  void truncatedGzipIsRejected() {
    byte[] gz = IdxFixtures.gzip(IdxFixtures.images(3, 5));
    Path p = IdxFixtures.write(dir.resolve("cut.gz"), Arrays.copyOf(gz, gz.length / 2));
    DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.readImages(p));
    assertMessage(e, "cut.gz", "truncated or corrupt");
  }

  @Test
  void labelOutsideTheTenClassesIsRejected() {
    byte[] l = IdxFixtures.labels(4, 2);
    l[10] = 12;
    Path p = IdxFixtures.write(dir.resolve("bad-labels"), l);
    DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.readLabels(p));
    assertMessage(e, "bad-labels", "label 12 at index 2");
  }

  @Test
  void imageAndLabelCountMismatchNamesBothFiles() {
    Map<IdxFile, Path> files = new EnumMap<>(IdxFile.class);
    Map<IdxFile, byte[]> data = IdxFixtures.dataset(1);
    data.put(IdxFile.TRAIN_LABELS, IdxFixtures.labels(IdxFixtures.TRAIN - 1, 9));
    data.forEach((f, bytes) -> files.put(f, IdxFixtures.write(dir.resolve(f.fileName()), bytes)));

    DatasetException e =
        assertThrows(DatasetException.class, () -> LoadedDataset.read(DatasetKind.MNIST, files));
    assertMessage(
        e,
        "train-images-idx3-ubyte holds 12 images",
        "train-labels-idx1-ubyte holds 11 labels",
        "do not belong together");
  }

  @Test
  void consistentFilesLoadAsADataset() throws Exception {
    Map<IdxFile, Path> files = new EnumMap<>(IdxFile.class);
    Map<IdxFile, byte[]> data = IdxFixtures.dataset(4);
    data.forEach((f, bytes) -> files.put(f, IdxFixtures.write(dir.resolve(f.fileName()), bytes)));
    LoadedDataset d = LoadedDataset.read(DatasetKind.FASHION_MNIST, files);
    assertEquals(IdxFixtures.TRAIN, d.trainCount());
    assertEquals(IdxFixtures.TEST, d.testCount());
    assertEquals(IdxFixtures.TRAIN * 784, d.trainImages().length);
    assertEquals(data.get(IdxFile.TEST_LABELS)[8 + 4], d.testLabels()[4]);
  }

  static void assertMessage(Exception e, String... parts) {
    for (String part : parts) {
      assertTrue(
          e.getMessage().contains(part),
          "message should contain '" + part + "' but was: " + e.getMessage());
    }
  }
}
