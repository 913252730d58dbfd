package dev.csrlab.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reading half of the .npy codec: what {@link Npy} writes reads back; damage is named. */
class NpyArrayTest {
  @TempDir Path dir;

  @Test
  void readsBackWhatTheWriterWrote() throws IOException {
    Path f32 = dir.resolve("a.npy");
    Npy.writeFloat32(f32, new float[] {1.5f, -2f, 0.25f, 7f, 8f, 9f}, 2, 3);
    NpyArray a = NpyArray.read(f32);
    assertArrayEquals(new int[] {2, 3}, a.shape());
    assertArrayEquals(new float[] {1.5f, -2f, 0.25f, 7f, 8f, 9f}, a.asFloats());

    Path i32 = dir.resolve("order.npy");
    Npy.writeInt32(i32, new int[] {3, 0, 2, 1}, 4);
    assertArrayEquals(new int[] {3, 0, 2, 1}, NpyArray.read(i32).asInts());

    Path f64 = dir.resolve("fiedler.npy");
    Npy.writeFloat64(f64, new double[] {Math.PI, -1e-300}, 2);
    assertArrayEquals(new double[] {Math.PI, -1e-300}, NpyArray.read(f64).values());
  }

  @Test
  void truncatedOrForeignFilesAreIoErrorsThatNameTheFile() throws IOException {
    Path good = dir.resolve("sim.npy");
    Npy.writeFloat32(good, new float[64 * 64], 64, 64);
    byte[] bytes = Files.readAllBytes(good);

    Path cut = dir.resolve("cut.npy");
    Files.write(cut, Arrays.copyOf(bytes, bytes.length - 100));
    IOException e = assertThrows(IOException.class, () -> NpyArray.read(cut));
    assertTrue(e.getMessage().contains("cut.npy: truncated .npy data"), e.getMessage());

    Path header = dir.resolve("header.npy");
    Files.write(header, Arrays.copyOf(bytes, 40));
    e = assertThrows(IOException.class, () -> NpyArray.read(header));
    assertTrue(e.getMessage().contains("truncated .npy header"), e.getMessage());

    Path png = dir.resolve("image.npy");
    Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
    e = assertThrows(IOException.class, () -> NpyArray.read(png));
    assertTrue(e.getMessage().contains("image.npy is not a .npy file"), e.getMessage());

    Path empty = dir.resolve("empty.npy");
    Files.write(empty, new byte[0]);
    assertThrows(IOException.class, () -> NpyArray.read(empty));
  }
}
