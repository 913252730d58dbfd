package dev.csrlab.ui.history;

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
 * Reads the NumPy {@code .npy} files a run directory holds (format 1.0–3.0, C order, little
 * endian {@code <f4 <f8 <i4 <i8}): enough for the similarity matrices and unit orders.
 */
public record Npy(int[] shape, double[] values) {
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']+)'");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*True");

  public static Npy read(Path file) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    byte[] magic = new byte[6];
    b.get(magic);
    if (magic[0] != (byte) 0x93
        || !"NUMPY".equals(new String(magic, 1, 5, StandardCharsets.US_ASCII))) {
      throw new IOException(file + " is not a .npy file (bad magic)");
    }
    int major = b.get();
    b.get();
    int headerLen = major == 1 ? Short.toUnsignedInt(b.getShort()) : b.getInt();
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
    int[] shape = Arrays.stream(s.group(1).split(","))
        .map(String::trim).filter(t -> !t.isEmpty()).mapToInt(Integer::parseInt).toArray();
    int count = Arrays.stream(shape).reduce(1, (x, y) -> x * y);
    return new Npy(shape, readValues(file, b, d.group(1), count));
  }

  private static double[] readValues(Path file, ByteBuffer b, String descr, int count)
      throws IOException {
    double[] v = new double[count];
    if (descr.startsWith(">")) {
      throw new IOException(file + ": big-endian .npy (" + descr + ") is not supported");
    }
    String type = descr.replace("<", "").replace("|", "").replace("=", "");
    for (int i = 0; i < count; i++) {
      v[i] = switch (type) {
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
