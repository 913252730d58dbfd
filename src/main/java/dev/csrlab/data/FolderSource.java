package dev.csrlab.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A folder holding idx files under any usual name ({@code train-images-idx3-ubyte[.gz]}, {@code
 * train-images.idx3-ubyte[.gz]}): a user's download, or Debian's {@code
 * /usr/share/datasets/fashion-mnist}.
 */
final class FolderSource implements DatasetSource {
  private final String label;
  private final Path dir;

  FolderSource(String label, Path dir) {
    this.label = label;
    this.dir = dir;
  }

  @Override
  public String describe() {
    return label + " " + dir;
  }

  @Override
  public Map<IdxFile, Path> fetch(
      DatasetKind kind, Set<IdxFile> wanted, Path staging, Consumer<String> log)
      throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException("folder does not exist");
    }
    Map<IdxFile, Path> found = new EnumMap<>(IdxFile.class);
    for (IdxFile f : wanted) {
      for (String name : f.candidateNames()) {
        Path p = dir.resolve(name);
        if (Files.isRegularFile(p)) {
          found.put(f, p);
          break;
        }
      }
    }
    if (found.isEmpty()) {
      IdxFile first = wanted.iterator().next();
      throw new IOException(
          "no idx files there (looked for names like "
              + String.join(", ", first.candidateNames())
              + ")");
    }
    return found;
  }
}
