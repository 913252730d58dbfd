package dev.csrlab.data;

import static dev.csrlab.data.IdxReaderTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The download path against a mirror served on loopback, with checksums injected. */
class HttpMirrorSourceTest {
  @TempDir Path tmp;
  HttpServer server;
  final Map<IdxFile, byte[]> data = IdxFixtures.dataset(21);
  final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  final List<String> log = new ArrayList<>();

  @BeforeEach
  void serveGzippedIdxFiles() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/mnist/",
        exchange -> {
          requests.add(exchange.getRequestURI().getPath());
          String name = exchange.getRequestURI().getPath().substring("/mnist/".length());
          byte[] body = null;
          for (IdxFile f : IdxFile.values()) {
            if (name.equals(f.fileName() + ".gz")) {
              body = IdxFixtures.gzip(data.get(f));
            }
          }
          if (body == null) {
            exchange.sendResponseHeaders(404, -1);
          } else {
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          }
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  URI mirror() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/mnist/");
  }

  SourcePlan planWith(URI... mirrors) throws Exception {
    return SourcePlan.standard(null)
        .withMirrors(DatasetKind.MNIST, List.of(mirrors))
        .withNpmCommand(tmp.resolve("no-npm/npm").toString());
  }

  @Test
  void downloadsGzippedFilesVerifiesAndCachesThemRaw() throws Exception {
    Path cache = tmp.resolve("cache");
    ChecksumTable sums = IdxFixtures.checksumsOf(DatasetKind.MNIST, data);

    LoadedDataset d = new DatasetStore(cache, sums, planWith(mirror()), log::add).load("mnist");

    assertEquals(IdxFixtures.TRAIN, d.trainCount());
    assertEquals(4, requests.size(), requests.toString());
    assertTrue(requests.contains("/mnist/t10k-labels-idx1-ubyte.gz"), requests.toString());
    assertArrayEquals(
        data.get(IdxFile.TRAIN_IMAGES),
        Files.readAllBytes(cache.resolve("mnist/train-images-idx3-ubyte")));
    assertEquals(List.of(), DatasetStoreTest.leftovers(cache));
  }

  @Test
  void downloadWithWrongChecksumIsRejectedAndNotCached() throws Exception {
    Path cache = tmp.resolve("cache");
    ChecksumTable sums =
        IdxFixtures.checksumsOf(DatasetKind.MNIST, data)
            .with(DatasetKind.MNIST, IdxFile.TRAIN_LABELS, "0123456789abcdef0123456789abcdef");

    DatasetException e =
        assertThrows(
            DatasetException.class,
            () -> new DatasetStore(cache, sums, planWith(mirror()), log::add).load("mnist"));

    assertMessage(
        e,
        "train-labels-idx1-ubyte is missing",
        "download " + mirror() + ": train-labels-idx1-ubyte from",
        "expected 0123456789abcdef0123456789abcdef");
    assertFalse(Files.exists(cache.resolve("mnist/train-labels-idx1-ubyte")));
    // The three verified files are kept: each is complete, so the next try fetches one file.
    assertTrue(Files.exists(cache.resolve("mnist/train-images-idx3-ubyte")));
    assertEquals(List.of(), DatasetStoreTest.leftovers(cache));
  }

  @Test
  void deadMirrorIsSkippedForTheNextOne() throws Exception {
    Path cache = tmp.resolve("cache");
    ChecksumTable sums = IdxFixtures.checksumsOf(DatasetKind.MNIST, data);
    URI dead = DatasetStoreTest.closedLoopbackPort();

    new DatasetStore(cache, sums, planWith(dead, mirror()), log::add).obtain(DatasetKind.MNIST);

    assertEquals(4, requests.size());
    assertEquals(
        1,
        log.stream().filter(l -> l.startsWith("Downloading " + dead)).count(),
        "one attempt at the dead mirror, not one per file: " + log);
  }

  @Test
  void missingFileOnMirrorIsReportedWithItsHttpStatus() throws Exception {
    URI wrongPath = URI.create(mirror().toString().replace("/mnist/", "/mnist/old/"));
    DatasetException e =
        assertThrows(
            DatasetException.class,
            () ->
                new DatasetStore(
                        tmp.resolve("cache"),
                        ChecksumTable.standard(),
                        planWith(wrongPath),
                        log::add)
                    .obtain(DatasetKind.MNIST));
    assertMessage(
        e, "download " + wrongPath + ": train-images-idx3-ubyte.gz: IOException: HTTP 404");
  }
}
