package dev.csrlab.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.csrlab.data.DatasetStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wrong or missing data file, end to end through {@code csr-lab run}: one message naming the
 * file, the problem and the fix, a non-zero exit, no experiment directory, nothing partial in the
 * cache. Downloads are switched off ({@code CSR_LAB_OFFLINE}), as on a machine without network:
 * otherwise the lab would rightly fetch a good copy and carry on. The file-level checks (magic,
 * truncation, count mismatch, checksums, archives) are unit tests in {@code dev.csrlab.data}.
 */
class DataFailureTest {
  @TempDir Path tmp;

  @Test
  void corruptFileInTheDataFolderStopsTheRunNamingFileProblemAndFix() throws IOException {
    Path data = Files.createDirectories(tmp.resolve("my-mnist"));
    Path cached = DatasetStore.resolveCacheRoot(null).resolve("mnist");
    for (String f :
        List.of("train-images-idx3-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")) {
      Files.createSymbolicLink(data.resolve(f), cached.resolve(f));
    }
    // A label file with a valid idx header whose labels are all zero: a corrupt download.
    byte[] corrupt = ByteBuffer.allocate(8 + 60_000).putInt(0x801).putInt(60_000).array();
    Files.write(data.resolve("train-labels-idx1-ubyte"), corrupt);
    Path out = tmp.resolve("runs");

    Cli.Result r;
    try {
      r = Cli.runOffline(Cli.with(Cli.tinyRun(out), "--data-dir", data));
    } finally {
      for (String f :
          List.of("train-images-idx3-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")) {
        Files.delete(data.resolve(f)); // the links, not the cached files they point to
      }
    }

    assertNotEquals(0, r.code(), r.all());
    String err = r.err();
    assertTrue(err.contains("train-labels-idx1-ubyte"), "names the file: " + err);
    assertTrue(
        err.contains("MD5") && err.contains("a25bea736e30d166cdddb491f175f624"),
        "says what is wrong (checksum, with the expected one): " + err);
    assertTrue(err.contains("How to fix") && err.contains("--data-dir"), "says the fix: " + err);
    assertFalse(Files.exists(out), "no experiment directory for a run that could not start");
    assertFalse(
        Files.exists(data.resolve("mnist/train-labels-idx1-ubyte")),
        "the corrupt file is not cached");
    assertArrayEquals(
        corrupt,
        Files.readAllBytes(data.resolve("train-labels-idx1-ubyte")),
        "the user's own file is left as it was");
    RunFiles.assertNoLeftovers(data);
  }

  @Test
  void missingFilesWithNoWayToFetchThemGiveOneReportOfEverySourceAndFix() throws IOException {
    Path data = Files.createDirectories(tmp.resolve("empty"));
    Path out = tmp.resolve("runs");

    Cli.Result r = Cli.runOffline(Cli.with(Cli.tinyRun(out), "--data-dir", data));

    assertNotEquals(0, r.code(), r.all());
    String err = r.err();
    for (String f :
        List.of(
            "train-images-idx3-ubyte",
            "train-labels-idx1-ubyte",
            "t10k-images-idx3-ubyte",
            "t10k-labels-idx1-ubyte")) {
      assertTrue(err.contains(f), "names " + f + ": " + err);
    }
    assertTrue(err.contains("Sources tried") && err.contains("switched off"), err);
    assertTrue(err.contains("How to fix"), err);
    assertEquals(1, countOf(err, "Could not obtain the mnist dataset"), "one report: " + err);
    assertFalse(Files.exists(out), "no experiment directory");
    RunFiles.assertNoLeftovers(data);
  }

  private static int countOf(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
