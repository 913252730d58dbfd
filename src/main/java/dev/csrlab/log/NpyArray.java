package dev.csrlab.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A NumPy {@code .npy} array read back: the reading half of {@link Npy}, for the files a run
 * directory holds (format 1.0–3.0, C order, little endian {@code <f4 <f8 <i4 <i8}) — similarity
 * matrices, unit orders, Fiedler vectors, weights. A damaged file is an IOException that names it.
 */
public record NpyArray(int[] shape, double[] values) {
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']+)'");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*True");

  public static NpyArray read(Path file) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    if (b.remaining() < 12) {
      throw new IOException(file + " is not a .npy file (only " + b.remaining() + " bytes)");
    }
    byte[] magic = new byte[6];
    b.get(magic);
    if (!Arrays.equals(magic, Npy.MAGIC)) {
      throw new IOException(file + " is not a .npy file (bad magic)");
    }
    int major = b.get();
    b.get();
    int headerLen = major == 1 ? Short.toUnsignedInt(b.getShort()) : b.getInt();
    if (headerLen < 0 || headerLen > b.remaining()) {
      throw new IOException(file + ": truncated .npy header (" + headerLen + " bytes announced)");
    }
    byte[] header = new byte[headerLen];
    b.get(header);
    String h = new String(header, StandardCharsets.ISO_8859_1);
    Matcher d = DESCR.matcher(h);
    Matcher s = SHAPE.matcher(h);
    if (!d.find() || !s.find()) {
      throw new IOException(file + ": .npy header lacks descr or shape: " + h.trim());
    }
    if (FORTRAN.matcher(h).find()) {
      throw new IOException(file + ": Fortran-order .npy is not supported");
    }
    int[] shape;
    long count = 1;
    try {
      shape =
          Arrays.stream(s.group(1).split(","))
              .map(String::trim)
              .filter(t -> !t.isEmpty())
              .mapToInt(Integer::parseInt)
              .toArray();
    } catch (NumberFormatException e) {
      throw new IOException(file + ": bad .npy shape (" + s.group(1) + ")", e);
    }
    for (int n : shape) {
      if (n < 0) {
        throw new IOException(file + ": negative dimension in .npy shape (" + s.group(1) + ")");
      }
      count *= n;
    }
    String type = d.group(1).replace("<", "").replace("|", "").replace("=", "");
    long bytes = count * (type.endsWith("8") ? 8 : 4);
    if (count > Integer.MAX_VALUE - 8 || bytes > b.remaining()) {
      throw new IOException(
          file
              + ": truncated .npy data (shape ("
              + s.group(1)
              + ") needs "
              + bytes
              + " bytes, "
              + b.remaining()
              + " present)");
    }
    return new NpyArray(shape, readValues(file, b, d.group(1), (int) count));
  }

  private static double[] readValues(Path file, ByteBuffer b, String descr, int count)
      throws IOException {
    double[] v = new double[count];
    if (descr.startsWith(">")) {
      throw new IOException(file + ": big-endian .npy (" + descr + ") is not supported");
    }
    String type = descr.replace("<", "").replace("|", "").replace("=", "");
    for (int i = 0; i < count; i++) {
      v[i] =
          switch (type) {
            case "f4" -> b.getFloat();
            case "f8" -> b.getDouble();
            case "i4" -> b.getInt();
            case "i8" -> b.getLong();
            default -> throw new IOException(file + ": unsupported dtype " + descr);
          };
    }
    return v;
  }

  public float[] asFloats() {
    float[] f = new float[values.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) values[i];
    }
    return f;
  }

  public int[] asInts() {
    return Arrays.stream(values).mapToInt(x -> (int) Math.round(x)).toArray();
  }
}
