package dev.csrlab.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Temporary files of {@link DatasetStore}: staging folders and {@code .part} files. A process
 * killed mid-download leaves them behind; they are never read (only canonical names are), and are
 * removed once old enough that no live process can still be writing them.
 */
final class StaleFiles {
  static final String STAGING_PREFIX = ".staging-";
  static final String PART_SUFFIX = ".part";
  private static final Duration MAX_AGE = Duration.ofHours(6);

  private StaleFiles() {}

  /** Removes leftovers older than {@link #MAX_AGE} from the cache root and a dataset folder. */
  static void remove(Path cacheRoot, Path datasetDir) {
    Instant cutoff = Instant.now().minus(MAX_AGE);
    for (Path dir : List.of(cacheRoot, datasetDir)) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> s = Files.list(dir)) {
        s.filter(StaleFiles::isTemporary)
            .filter(p -> olderThan(p, cutoff))
            .forEach(StaleFiles::deleteTree);
      } catch (IOException e) {
        // Best effort: a leftover costs disk space, never correctness.
      }
    }
  }

  private static boolean isTemporary(Path p) {
    String n = p.getFileName().toString();
    return n.startsWith(STAGING_PREFIX) || (n.startsWith(".") && n.endsWith(PART_SUFFIX));
  }

  private static boolean olderThan(Path p, Instant cutoff) {
    try {
      return Files.getLastModifiedTime(p).compareTo(FileTime.from(cutoff)) < 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** Deletes a file or folder tree; null and missing paths are ignored. */
  static void deleteTree(Path root) {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> s = Files.walk(root)) {
      s.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  // Best effort, see class comment.
                }
              });
    } catch (IOException e) {
      // Best effort, see class comment.
    }
  }
}
