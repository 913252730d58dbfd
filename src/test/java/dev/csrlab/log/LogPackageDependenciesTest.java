package dev.csrlab.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LogPackageDependenciesTest {
  private static final Pattern UI_IMPORT =
      Pattern.compile(
          "^import\\s+(static\\s+)?(javafx|org\\.controlsfx|org\\.jfree\\.chart\\.fx)\\.",
          Pattern.MULTILINE);

  @Test
  void logPackageNeverImportsJavaFx() throws IOException {
    // Engine code stays headless (COMMON.md): the GUI reuses the renderer, not the reverse.
    Path root = Path.of("src/main/java/dev/csrlab/log");
    assertTrue(Files.isDirectory(root), "run from the project root");
    try (Stream<Path> files = Files.walk(root)) {
      List<Path> offenders = files.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> UI_IMPORT.matcher(read(p)).find())
          .toList();
      assertEquals(List.of(), offenders);
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
