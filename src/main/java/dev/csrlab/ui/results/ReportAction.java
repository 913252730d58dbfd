package dev.csrlab.ui.results;

import dev.csrlab.report.ReportWriter;
import java.io.IOException;
import java.nio.file.Path;

/** Writes the experiment report; returns the main report file. Swappable for tests. */
@FunctionalInterface
public interface ReportAction {
  Path write(Path experimentDir, Path outDir) throws IOException;

  /** The lab's report writer (report.html + report.md), as the CLI's {@code report} command. */
  static ReportAction standard() {
    return ReportWriter::write;
  }
}
