package dev.csrlab.log;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Writes NumPy {@code .npy} files (format 1.0, little-endian, C order) so matrices saved by the lab
 * load with {@code numpy.load}. Files are created new — an existing file is never overwritten.
 */
public final class Npy {
  static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

  /** numpy pads the header so the data starts at a multiple of 64 bytes. */
  static final int ALIGN = 64;

  private Npy() {}

  /** float32 array ({@code <f4}) of the given shape. */
  public static void writeFloat32(Path file, float[] data, int... shape) throws IOException {
    check(data.length, shape, file);
    ByteBuffer buf = ByteBuffer.allocate(4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
    buf.asFloatBuffer().put(data);
    write(file, "<f4", shape, buf.array());
  }

  /** float64 array ({@code <f8}). */
  public static void writeFloat64(Path file, double[] data, int... shape) throws IOException {
    check(data.length, shape, file);
    ByteBuffer buf = ByteBuffer.allocate(8 * data.length).order(ByteOrder.LITTLE_ENDIAN);
    buf.asDoubleBuffer().put(data);
    write(file, "<f8", shape, buf.array());
  }

  /** int32 array ({@code <i4}). */
  public static void writeInt32(Path file, int[] data, int... shape) throws IOException {
    check(data.length, shape, file);
    ByteBuffer buf = ByteBuffer.allocate(4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
    buf.asIntBuffer().put(data);
    write(file, "<i4", shape, buf.array());
  }

  /** Magic, version 1.0, header length and the padded header dict. */
  static byte[] header(String descr, int[] shape) {
    String dims = Arrays.stream(shape).mapToObj(String::valueOf).collect(Collectors.joining(", "));
    String tuple = shape.length == 1 ? "(" + dims + ",)" : "(" + dims + ")";
    String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + tuple + ", }";
    int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
    int pad = (ALIGN - unpadded % ALIGN) % ALIGN;
    String text = dict + " ".repeat(pad) + "\n";
    ByteBuffer buf =
        ByteBuffer.allocate(MAGIC.length + 4 + text.length()).order(ByteOrder.LITTLE_ENDIAN);
    buf.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length());
    buf.put(text.getBytes(StandardCharsets.US_ASCII));
    return buf.array();
  }

  private static void write(Path file, String descr, int[] shape, byte[] data) throws IOException {
    try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
      out.write(header(descr, shape));
      out.write(data);
    }
  }

  private static void check(int length, int[] shape, Path file) {
    long n = 1;
    for (int d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException("negative dimension in shape for " + file);
      }
      n *= d;
    }
    if (shape.length == 0 || n != length) {
      throw new IllegalArgumentException(
          "cannot save " + length + " values as shape " + Arrays.toString(shape) + " to " + file);
    }
  }
}
