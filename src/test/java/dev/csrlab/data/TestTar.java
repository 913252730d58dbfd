package dev.csrlab.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Writes small ustar .tgz files for tests, including hostile entry names a normal tar tool refuses
 * to write. (commons-compress's writer needs commons-lang3, which DJL's dependency tree leaves out;
 * reading does not.)
 */
final class TestTar {
  record Entry(char type, byte[] data, String linkName) {}

  private TestTar() {}

  static Entry file(byte[] data) {
    return new Entry('0', data, "");
  }

  static Entry symlink(String target) {
    return new Entry('2', new byte[0], target);
  }

  static Path writeTgz(Path file, Map<String, Entry> entries) throws IOException {
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    for (Map.Entry<String, Entry> e : entries.entrySet()) {
      tar.write(header(e.getKey(), e.getValue()));
      byte[] d = e.getValue().data();
      tar.write(d);
      tar.write(new byte[(512 - d.length % 512) % 512]);
    }
    tar.write(new byte[1024]); // end-of-archive marker: two zero blocks
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(tar.toByteArray());
    }
    return file;
  }

  private static byte[] header(String name, Entry e) {
    byte[] h = new byte[512];
    put(h, 0, 100, name);
    put(h, 100, 8, "0000644");
    put(h, 108, 8, "0000000");
    put(h, 116, 8, "0000000");
    put(h, 124, 12, String.format("%011o", e.data().length));
    put(h, 136, 12, String.format("%011o", 1_600_000_000L));
    h[156] = (byte) e.type();
    put(h, 157, 100, e.linkName());
    put(h, 257, 6, "ustar");
    put(h, 263, 2, "00");
    // Checksum: byte sum of the header with the checksum field read as eight spaces.
    put(h, 148, 8, "        ");
    int sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    put(h, 148, 8, String.format("%06o", sum) + "\0 ");
    return h;
  }

  private static void put(byte[] h, int offset, int length, String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    if (b.length > length) {
      throw new IllegalArgumentException("'" + s + "' longer than " + length + " bytes");
    }
    System.arraycopy(b, 0, h, offset, b.length);
  }
}
