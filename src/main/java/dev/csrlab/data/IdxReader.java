package dev.csrlab.data;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Reads the idx format of MNIST and Fashion-MNIST (LeCun et al.): a big-endian header — magic
 * {@code 0x00000803} + count + rows + cols for images, {@code 0x00000801} + count for labels —
 * followed by uint8 data. Everything is checked (magic, 28×28, exact length, labels 0..9), and each
 * problem is reported with the file, what is wrong and how to fix it.
 */
public final class IdxReader {
  public static final int IMAGE_MAGIC = 0x00000803;
  public static final int LABEL_MAGIC = 0x00000801;
  public static final int SIDE = 28;

  /** Largest decompressed file accepted: guards against gzip bombs (real files are ≤ 47 MB). */
  static final long MAX_BYTES = 256L << 20;

  private IdxReader() {}

  /** Reads a file, raw or gzipped (recognised by its gzip magic bytes, not by its name). */
  public static byte[] readBytes(Path file) throws IOException {
    if (!isGzip(file)) {
      if (Files.size(file) > MAX_BYTES) {
        throw new DatasetException(
            file
                + ": larger than "
                + (MAX_BYTES >> 20)
                + " MiB;"
                + " MNIST-format files are at most 47 MB — this is not an idx file");
      }
      return Files.readAllBytes(file);
    }
    try (InputStream in = openMaybeGzip(file)) {
      return readLimited(in, file);
    } catch (java.io.EOFException | java.util.zip.ZipException e) {
      throw new DatasetException(
          file
              + ": gzip data is truncated or corrupt ("
              + e.getMessage()
              + "); delete the file and fetch it again",
          e);
    }
  }

  private static boolean isGzip(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.read() == 0x1f && in.read() == 0x8b;
    }
  }

  /** Opens a file for reading its raw idx bytes, transparently gunzipping it. */
  static InputStream openMaybeGzip(Path file) throws IOException {
    BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    if (b0 == 0x1f && b1 == 0x8b) {
      return new GZIPInputStream(in, 1 << 16);
    }
    return in;
  }

  public static IdxImages readImages(Path file) throws IOException {
    return parseImages(readBytes(file), file.toString());
  }

  public static byte[] readLabels(Path file) throws IOException {
    return parseLabels(readBytes(file), file.toString());
  }

  /** Parses an idx3 image file held in memory; {@code source} names it in error messages. */
  public static IdxImages parseImages(byte[] data, String source) throws DatasetException {
    ByteBuffer b = header(data, source, IMAGE_MAGIC, 16);
    int count = nonNegative(b.getInt(4), source);
    int rows = b.getInt(8);
    int cols = b.getInt(12);
    if (rows != SIDE || cols != SIDE) {
      throw new DatasetException(
          source
              + ": images are "
              + rows
              + "x"
              + cols
              + ", expected "
              + SIDE
              + "x"
              + SIDE
              + " (MNIST format); use the MNIST or Fashion-MNIST idx files");
    }
    long expected = 16L + (long) count * rows * cols;
    requireLength(data, expected, source, count + " images of " + rows + "x" + cols);
    return new IdxImages(count, rows, cols, Arrays.copyOfRange(data, 16, data.length));
  }

  /** Parses an idx1 label file held in memory; every label must be a class 0..9. */
  public static byte[] parseLabels(byte[] data, String source) throws DatasetException {
    ByteBuffer b = header(data, source, LABEL_MAGIC, 8);
    int count = nonNegative(b.getInt(4), source);
    requireLength(data, 8L + count, source, count + " labels");
    byte[] labels = Arrays.copyOfRange(data, 8, data.length);
    for (int i = 0; i < labels.length; i++) {
      if ((labels[i] & 0xff) > 9) {
        throw new DatasetException(
            source
                + ": label "
                + (labels[i] & 0xff)
                + " at index "
                + i
                + " is not a class 0..9; this is not an MNIST-format label file");
      }
    }
    return labels;
  }

  /** Images and labels must pair up one to one. */
  public static void requireSameCount(
      IdxImages images, String imageSource, byte[] labels, String labelSource)
      throws DatasetException {
    if (images.count() != labels.length) {
      throw new DatasetException(
          imageSource
              + " holds "
              + images.count()
              + " images but "
              + labelSource
              + " holds "
              + labels.length
              + " labels; the files do not belong"
              + " together — fetch both again from the same source");
    }
  }

  private static ByteBuffer header(byte[] data, String source, int magic, int headerBytes)
      throws DatasetException {
    String what = magic == IMAGE_MAGIC ? "an idx3 image file" : "an idx1 label file";
    ByteBuffer b = ByteBuffer.wrap(data); // big-endian by default, as idx requires
    // Magic first: a wrong kind of file is a clearer diagnosis than "too short".
    if (data.length >= 4 && b.getInt(0) != magic) {
      int found = b.getInt(0);
      String hint =
          found == IMAGE_MAGIC || found == LABEL_MAGIC
              ? " (images and labels swapped?)"
              : " (not an idx file, or still compressed?)";
      throw new DatasetException(
          String.format(
              "%s: magic number 0x%08X, expected 0x%08X for %s%s; pass the matching %s file",
              source,
              found,
              magic,
              what,
              hint,
              magic == IMAGE_MAGIC ? "*-images-idx3" : "*-labels-idx1"));
    }
    if (data.length < headerBytes) {
      throw new DatasetException(
          source
              + ": only "
              + data.length
              + " bytes, shorter than the "
              + headerBytes
              + "-byte header of "
              + what
              + "; the file is truncated — delete it and"
              + " fetch it again");
    }
    return b;
  }

  private static int nonNegative(int count, String source) throws DatasetException {
    if (count < 0) {
      throw new DatasetException(
          source
              + ": negative item count "
              + count
              + " in the header;"
              + " the file is corrupt — delete it and fetch it again");
    }
    return count;
  }

  private static void requireLength(byte[] data, long expected, String source, String what)
      throws DatasetException {
    if (data.length < expected) {
      throw new DatasetException(
          source
              + ": "
              + data.length
              + " bytes, but its header ("
              + what
              + ") needs "
              + expected
              + "; the file is truncated — delete it and fetch it"
              + " again");
    }
    if (data.length > expected) {
      throw new DatasetException(
          source
              + ": "
              + (data.length - expected)
              + " bytes more than"
              + " its header ("
              + what
              + ") describes ("
              + expected
              + "); the file is corrupt or"
              + " not an idx file — delete it and fetch it again");
    }
  }

  private static byte[] readLimited(InputStream in, Path file) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
    byte[] buf = new byte[1 << 16];
    long total = 0;
    for (int r; (r = in.read(buf)) >= 0; ) {
      total += r;
      if (total > MAX_BYTES) {
        throw new DatasetException(
            file
                + ": more than "
                + (MAX_BYTES >> 20)
                + " MiB of data;"
                + " MNIST-format files are at most 47 MB — this is not an idx file");
      }
      out.write(buf, 0, r);
    }
    return out.toByteArray();
  }
}
