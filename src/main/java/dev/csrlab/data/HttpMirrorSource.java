package dev.csrlab.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A public mirror serving the gzipped idx files as torchvision downloads them ({@code
 * <base>/train-images-idx3-ubyte.gz}). Connect timeouts are short and the mirror is given up at the
 * first connection failure, so an offline machine moves on within seconds.
 */
final class HttpMirrorSource implements DatasetSource {
  /** Largest download accepted (the gzipped training images are ~10 MB). */
  private static final long MAX_DOWNLOAD = 128L << 20;

  private final URI base;
  private final Duration connectTimeout;
  private final Duration readTimeout;

  HttpMirrorSource(URI base, Duration connectTimeout, Duration readTimeout) {
    String s = base.toString();
    this.base = s.endsWith("/") ? base : URI.create(s + "/");
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
  }

  @Override
  public String describe() {
    return "download " + base;
  }

  @Override
  public Map<IdxFile, Path> fetch(
      DatasetKind kind, Set<IdxFile> wanted, Path staging, Consumer<String> log)
      throws IOException {
    Map<IdxFile, Path> got = new EnumMap<>(IdxFile.class);
    List<String> failures = new ArrayList<>();
    for (IdxFile f : wanted) {
      URI uri = base.resolve(f.fileName() + ".gz");
      Path target = staging.resolve(f.fileName() + ".gz");
      try {
        log.accept("Downloading " + uri + " ...");
        download(uri, target);
        got.put(f, target);
      } catch (UnknownHostException | ConnectException | NoRouteToHostException e) {
        throw new IOException("cannot connect (" + describeError(e) + ")", e);
      } catch (SocketTimeoutException e) {
        if (got.isEmpty() && failures.isEmpty()) {
          throw new IOException(
              "no answer within " + connectTimeout.toSeconds() + " s (" + describeError(e) + ")",
              e);
        }
        failures.add(f.fileName() + ".gz: " + describeError(e));
      } catch (IOException e) {
        failures.add(f.fileName() + ".gz: " + describeError(e));
      }
    }
    if (got.isEmpty()) {
      throw new IOException(String.join("; ", failures));
    }
    return got;
  }

  private void download(URI uri, Path target) throws IOException {
    HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
    c.setConnectTimeout((int) connectTimeout.toMillis());
    c.setReadTimeout((int) readTimeout.toMillis());
    c.setRequestProperty("User-Agent", "csr-lab");
    try {
      int code = c.getResponseCode();
      if (code != HttpURLConnection.HTTP_OK) {
        throw new IOException("HTTP " + code + " " + c.getResponseMessage());
      }
      try (InputStream in = c.getInputStream();
          OutputStream out = Files.newOutputStream(target)) {
        byte[] buf = new byte[1 << 16];
        long total = 0;
        for (int r; (r = in.read(buf)) >= 0; ) {
          total += r;
          if (total > MAX_DOWNLOAD) {
            throw new IOException("larger than " + (MAX_DOWNLOAD >> 20) + " MiB; not an idx file");
          }
          out.write(buf, 0, r);
        }
      }
    } finally {
      c.disconnect();
    }
  }

  private static String describeError(Exception e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }
}
