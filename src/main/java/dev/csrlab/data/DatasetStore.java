package dev.csrlab.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Obtains a dataset into the cache, {@code <cacheRoot>/<dataset>/<raw idx file names>}, and loads
 * it. Tries the cache first, then the {@link SourcePlan}'s sources in order. Every file is checked
 * against the MD5 of its raw bytes before use: a source's file is decompressed into a temporary
 * file inside the cache folder and renamed into place only once verified, so the cache never holds
 * a partial or unverified file. When nothing works, one error lists every source tried, why it
 * failed, and how to fix it.
 */
public final class DatasetStore {
  /** Environment variable naming the cache folder when no {@code dataDir} is given. */
  public static final String ENV_DATA_DIR = "CSR_LAB_DATA_DIR";

  /** Environment variable ({@code 1} or {@code true}) that switches every download off. */
  public static final String ENV_OFFLINE = "CSR_LAB_OFFLINE";

  /** System property with the same meaning as {@link #ENV_OFFLINE}. */
  public static final String OFFLINE_PROPERTY = "csrlab.offline";

  private final Path cacheRoot;
  private final ChecksumTable checksums;
  private final SourcePlan plan;
  private final Consumer<String> log;

  public DatasetStore(
      Path cacheRoot, ChecksumTable checksums, SourcePlan plan, Consumer<String> log) {
    this.cacheRoot = cacheRoot.toAbsolutePath().normalize();
    this.checksums = checksums;
    this.plan = plan;
    this.log = log;
  }

  /**
   * The store the lab uses: cache in {@code dataDir} (config {@code dataDir}, CLI {@code
   * --data-dir}) when given, which is then also searched for idx files the user put there; else
   * {@code $CSR_LAB_DATA_DIR}; else {@code ~/.cache/csr-lab/data}. No downloads when {@code
   * CSR_LAB_OFFLINE} is set.
   */
  public static DatasetStore standard(String dataDir, Consumer<String> log) {
    Path root = resolveCacheRoot(dataDir);
    boolean userGiven = dataDir != null && !dataDir.isBlank();
    SourcePlan plan = SourcePlan.standard(userGiven ? root : null);
    return new DatasetStore(
        root, ChecksumTable.standard(), downloadsOff() ? plan.withoutDownloads() : plan, log);
  }

  /** {@code CSR_LAB_OFFLINE=1|true} or {@code -Dcsrlab.offline=true}. */
  static boolean downloadsOff() {
    String env = System.getenv(ENV_OFFLINE);
    return Boolean.getBoolean(OFFLINE_PROPERTY)
        || (env != null && (env.equals("1") || env.equalsIgnoreCase("true")));
  }

  public static Path resolveCacheRoot(String dataDir) {
    return resolveCacheRoot(dataDir, System.getenv(ENV_DATA_DIR), System.getProperty("user.home"));
  }

  static Path resolveCacheRoot(String dataDir, String envDir, String userHome) {
    if (dataDir != null && !dataDir.isBlank()) {
      return expandHome(dataDir, userHome);
    }
    if (envDir != null && !envDir.isBlank()) {
      return expandHome(envDir, userHome);
    }
    return Path.of(userHome, ".cache", "csr-lab", "data");
  }

  private static Path expandHome(String dir, String userHome) {
    if (dir.equals("~") || dir.startsWith("~/")) {
      return Path.of(userHome + dir.substring(1)).toAbsolutePath().normalize();
    }
    return Path.of(dir).toAbsolutePath().normalize();
  }

  public Path cacheRoot() {
    return cacheRoot;
  }

  /** Where {@code kind}'s verified raw idx files live. */
  public Path datasetDir(DatasetKind kind) {
    return cacheRoot.resolve(kind.id());
  }

  /** Obtains (if needed) and reads a dataset named as in the config ("mnist", "fashion-mnist"). */
  public LoadedDataset load(String dataset) throws IOException {
    return load(DatasetKind.fromId(dataset));
  }

  public LoadedDataset load(DatasetKind kind) throws IOException {
    Map<IdxFile, Path> files = obtain(kind);
    log.accept("Loading " + kind.id() + " from " + datasetDir(kind));
    return LoadedDataset.read(kind, files);
  }

  /** Makes sure the four verified raw files are in the cache; returns their paths. */
  public Map<IdxFile, Path> obtain(DatasetKind kind) throws DatasetException {
    List<String> attempts = new ArrayList<>();
    Set<IdxFile> missing = checkCache(kind, attempts);
    if (!missing.isEmpty()) {
      log.accept(
          kind.id()
              + ": "
              + missing.size()
              + " of 4 files not in "
              + datasetDir(kind)
              + "; looking elsewhere");
      StaleFiles.remove(cacheRoot, datasetDir(kind));
      for (DatasetSource source : plan.sourcesFor(kind, cacheRoot)) {
        if (missing.isEmpty()) {
          break;
        }
        attempts.add(source.describe() + ": " + tryFetch(kind, source, missing));
      }
    }
    if (!missing.isEmpty()) {
      throw new DatasetException(FailureReport.format(kind, datasetDir(kind), missing, attempts));
    }
    Map<IdxFile, Path> files = new EnumMap<>(IdxFile.class);
    for (IdxFile f : IdxFile.values()) {
      files.put(f, datasetDir(kind).resolve(f.fileName()));
    }
    return files;
  }

  /** Verifies the cached files; removes corrupt ones; returns what is still missing. */
  private Set<IdxFile> checkCache(DatasetKind kind, List<String> attempts) {
    Set<IdxFile> missing = EnumSet.noneOf(IdxFile.class);
    List<String> problems = new ArrayList<>();
    for (IdxFile f : IdxFile.values()) {
      Path p = datasetDir(kind).resolve(f.fileName());
      if (!Files.isRegularFile(p)) {
        missing.add(f);
        problems.add(f.fileName() + " absent");
        continue;
      }
      try {
        String md5 = md5Of(p);
        if (!md5.equals(checksums.expected(kind, f))) {
          Files.delete(p);
          missing.add(f);
          problems.add(
              f.fileName()
                  + " had MD5 "
                  + md5
                  + ", expected "
                  + checksums.expected(kind, f)
                  + " (corrupt; removed)");
          log.accept("Removed corrupt cached file " + p);
        }
      } catch (IOException e) {
        missing.add(f);
        problems.add(f.fileName() + " unreadable (" + e.getMessage() + ")");
      }
    }
    String outcome =
        problems.isEmpty()
            ? "ok"
            : missing.size() == 4 && problems.stream().allMatch(p -> p.endsWith(" absent"))
                ? "empty (none of the 4 files there)"
                : String.join("; ", problems);
    attempts.add("cache " + datasetDir(kind) + ": " + outcome);
    return missing;
  }

  /** Runs one source; installs what it verifiably provides; returns the outcome for the report. */
  private String tryFetch(DatasetKind kind, DatasetSource source, Set<IdxFile> missing) {
    log.accept("Trying " + source.describe());
    Path staging = null;
    try {
      Files.createDirectories(cacheRoot);
      staging = Files.createTempDirectory(cacheRoot, ".staging-");
      Map<IdxFile, Path> got = source.fetch(kind, EnumSet.copyOf(missing), staging, log);
      List<String> problems = new ArrayList<>();
      for (IdxFile f : EnumSet.copyOf(missing)) {
        Path p = got.get(f);
        if (p == null) {
          problems.add(f.fileName() + " not provided");
          continue;
        }
        try {
          install(kind, f, p);
          missing.remove(f);
          log.accept("Verified " + f.fileName() + " (MD5 ok) from " + source.describe());
        } catch (IOException e) {
          problems.add(f.fileName() + " from " + p + " rejected: " + e.getMessage());
        }
      }
      return problems.isEmpty() ? "ok" : String.join("; ", problems);
    } catch (IOException | RuntimeException e) {
      return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    } finally {
      StaleFiles.deleteTree(staging);
    }
  }

  /**
   * Decompresses {@code source} into a temporary file in the dataset folder while hashing it, and
   * renames it to its canonical name only if the MD5 matches.
   */
  private void install(DatasetKind kind, IdxFile f, Path source) throws IOException {
    Path dir = Files.createDirectories(datasetDir(kind));
    Path tmp = Files.createTempFile(dir, "." + f.fileName() + ".", StaleFiles.PART_SUFFIX);
    try {
      String md5;
      try (InputStream in = IdxReader.openMaybeGzip(source);
          OutputStream out = Files.newOutputStream(tmp)) {
        md5 = copyHashing(in, out);
      } catch (java.io.EOFException | java.util.zip.ZipException e) {
        throw new DatasetException("gzip data truncated or corrupt (" + e.getMessage() + ")", e);
      }
      String expected = checksums.expected(kind, f);
      if (!md5.equals(expected)) {
        throw new DatasetException(
            "MD5 of the raw data is "
                + md5
                + ", expected "
                + expected
                + " (truncated, corrupt, or not "
                + kind.id()
                + ")");
      }
      makeWorldReadable(tmp);
      Files.move(
          tmp,
          dir.resolve(f.fileName()),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Temp files are created owner-only; a cache may be shared (e.g. in CI) and data is public. */
  private static void makeWorldReadable(Path p) {
    try {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
    } catch (UnsupportedOperationException | IOException e) {
      // Not a POSIX file system: keep the default permissions.
    }
  }

  static String md5Of(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return copyHashing(in, OutputStream.nullOutputStream());
    }
  }

  private static String copyHashing(InputStream in, OutputStream out) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides MD5", e);
    }
    byte[] buf = new byte[1 << 16];
    long total = 0;
    try (DigestInputStream din = new DigestInputStream(in, md)) {
      for (int r; (r = din.read(buf)) >= 0; ) {
        total += r;
        if (total > IdxReader.MAX_BYTES) {
          throw new DatasetException(
              "more than " + (IdxReader.MAX_BYTES >> 20) + " MiB of data; not an idx file");
        }
        out.write(buf, 0, r);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
