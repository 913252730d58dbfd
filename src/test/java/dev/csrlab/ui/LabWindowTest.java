package dev.csrlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabWindowTest {
  @Test
  void aSecondReportNeverOverwritesTheFirst(@TempDir Path dir) throws Exception {
    assertEquals(dir.resolve("report"), LabWindow.freshReportDir(dir));
    Files.createDirectory(dir.resolve("report"));
    assertEquals(dir.resolve("report-2"), LabWindow.freshReportDir(dir));
    Files.createDirectory(dir.resolve("report-2"));
    assertEquals(dir.resolve("report-3"), LabWindow.freshReportDir(dir));
  }
}
