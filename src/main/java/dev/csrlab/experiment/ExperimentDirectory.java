package dev.csrlab.experiment;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * {@code <out>/<yyyyMMdd-HHmmss>-<name>/} (SPEC §5). Never reuses a directory: a name taken in the
 * same second gets a {@code -2}, {@code -3}… suffix, so nothing is ever overwritten.
 */
public final class ExperimentDirectory {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private ExperimentDirectory() {}

  /** Creates a fresh experiment directory and proves it writable before any training. */
  public static Path create(Path out, String name, LocalDateTime now) throws IOException {
    Path parent = out.toAbsolutePath().normalize();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new IOException(
          "cannot create the output directory "
              + parent
              + " ("
              + e
              + "); choose a writable folder with --out",
          e);
    }
    String base = STAMP.format(now) + "-" + name;
    for (int i = 1; i < 1000; i++) {
      Path dir = parent.resolve(i == 1 ? base : base + "-" + i);
      try {
        Files.createDirectory(dir);
        probe(dir);
        return dir;
      } catch (FileAlreadyExistsException e) {
        // taken: try the next suffix
      }
    }
    throw new IOException("could not find a free experiment directory name under " + parent);
  }

  /** Writes and deletes a small file, so a full or read-only disk fails before training. */
  static void probe(Path dir) throws IOException {
    Path p = dir.resolve(".write-probe");
    try {
      Files.write(p, new byte[4096]);
      Files.delete(p);
    } catch (IOException e) {
      throw new IOException(
          "the output directory "
              + dir
              + " is not writable ("
              + e
              + "); free some space or choose another folder with --out",
          e);
    }
  }
}
