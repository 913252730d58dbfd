package dev.csrlab.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Extracts the regular files under one prefix (e.g. {@code package/data/}) of a .tgz, such as the
 * tarball {@code npm pack} downloads. An archive with any entry whose path would land outside the
 * target folder ("zip slip": {@code ../}, absolute paths) is refused as a whole; links and other
 * special entries are never written.
 */
final class TarballExtractor {
  /** Largest entry accepted (the biggest MNIST file is 47 MB). */
  private static final long MAX_ENTRY = 256L << 20;

  private TarballExtractor() {}

  /** Returns the extracted files; {@code target} keeps the archive's relative paths. */
  static List<Path> extract(Path tgz, String prefix, Path target) throws IOException {
    Path root = target.toAbsolutePath().normalize();
    Files.createDirectories(root);
    List<Path> written = new ArrayList<>();
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(tgz));
        GzipCompressorInputStream gz = new GzipCompressorInputStream(raw);
        TarArchiveInputStream tar = new TarArchiveInputStream(gz)) {
      for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
        String name = e.getName();
        Path dest = root.resolve(name).normalize();
        if (name.startsWith("/") || !dest.startsWith(root)) {
          throw new DatasetException(
              tgz
                  + ": archive entry '"
                  + name
                  + "' would be written"
                  + " outside the extraction folder; refusing this archive (it is corrupt or"
                  + " malicious) — fetch it again from the official registry");
        }
        if (!e.isFile() || !name.startsWith(prefix) || e.isSymbolicLink() || e.isLink()) {
          continue;
        }
        if (e.getSize() > MAX_ENTRY) {
          throw new DatasetException(
              tgz
                  + ": entry '"
                  + name
                  + "' is "
                  + e.getSize()
                  + " bytes, more than any idx file; refusing this archive");
        }
        Files.createDirectories(dest.getParent());
        try (OutputStream out = Files.newOutputStream(dest)) {
          tar.transferTo(out);
        }
        written.add(dest);
      }
    }
    return written;
  }
}
