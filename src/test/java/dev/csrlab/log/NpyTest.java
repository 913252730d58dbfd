package dev.csrlab.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {
  @TempDir Path dir;

  /** A minimal .npy parser, as numpy.lib.format reads version 1.0 files. */
  record Parsed(String descr, boolean fortran, int[] shape, ByteBuffer data) {}

  static Parsed parse(Path file) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    byte[] magic = new byte[6];
    buf.get(magic);
    assertArrayEquals(Npy.MAGIC, magic);
    assertEquals(1, buf.get());
    assertEquals(0, buf.get());
    int headerLen = Short.toUnsignedInt(buf.getShort());
    byte[] header = new byte[headerLen];
    buf.get(header);
    String h = new String(header, StandardCharsets.US_ASCII);
    assertTrue(h.endsWith("\n"), "header ends with a newline");
    assertEquals(0, (10 + headerLen) % 64, "data is 64-byte aligned");
    Matcher m =
        Pattern.compile(
                "\\{'descr': '([<>|][a-z]\\d)', 'fortran_order': (True|False),"
                    + " 'shape': \\(([0-9, ]*)\\), \\} *\n")
            .matcher(h);
    assertTrue(m.matches(), h);
    int[] shape =
        Arrays.stream(m.group(3).split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .mapToInt(Integer::parseInt)
            .toArray();
    return new Parsed(
        m.group(1), m.group(2).equals("True"), shape, buf.slice().order(ByteOrder.LITTLE_ENDIAN));
  }

  @Test
  void float32MatrixHasANumpyHeaderAndLittleEndianData() throws IOException {
    Path f = dir.resolve("m.npy");
    Npy.writeFloat32(f, new float[] {1f, -0.5f, 0.25f, 3f, 0f, -1f}, 2, 3);
    Parsed p = parse(f);
    assertEquals("<f4", p.descr());
    assertEquals(false, p.fortran());
    assertArrayEquals(new int[] {2, 3}, p.shape());
    assertEquals(24, p.data().remaining());
    assertEquals(-0.5f, p.data().getFloat(4));
    assertEquals(-1f, p.data().getFloat(20));
  }

  @Test
  void oneDimensionalShapeIsATupleWithTrailingComma() throws IOException {
    Path f = dir.resolve("order.npy");
    Npy.writeInt32(f, new int[] {2, 0, 1}, 3);
    Parsed p = parse(f);
    assertEquals("<i4", p.descr());
    assertArrayEquals(new int[] {3}, p.shape());
    assertTrue(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains("(3,)"));
    assertEquals(2, p.data().getInt(0));
    assertEquals(1, p.data().getInt(8));
    Path d = dir.resolve("f.npy");
    Npy.writeFloat64(d, new double[] {Math.PI}, 1);
    assertEquals(Math.PI, parse(d).data().getDouble(0));
  }

  @Test
  void neverOverwritesAndRejectsAWrongShape() throws IOException {
    Path f = dir.resolve("m.npy");
    Npy.writeFloat32(f, new float[4], 2, 2);
    assertThrows(FileAlreadyExistsException.class, () -> Npy.writeFloat32(f, new float[4], 2, 2));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Npy.writeFloat32(dir.resolve("x.npy"), new float[5], 2, 2));
    assertTrue(e.getMessage().contains("[2, 2]"), e.getMessage());
  }
}
