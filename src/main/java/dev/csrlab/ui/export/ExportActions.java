package dev.csrlab.ui.export;

import dev.csrlab.ui.chart.Metric;
import dev.csrlab.ui.session.Session;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.jfree.chart.JFreeChart;

/** The Export menu's dialogs around {@link Exporter}. */
public final class ExportActions {
  private final Supplier<Session> session;
  private final Supplier<Map<Metric, JFreeChart>> charts;
  private File lastFolder;

  public ExportActions(Supplier<Session> session, Supplier<Map<Metric, JFreeChart>> charts) {
    this.session = session;
    this.charts = charts;
  }

  /** Asks for a folder, writes everything into a new sub-folder, reports what was written. */
  public void exportAll(Window owner) {
    DirectoryChooser dc = new DirectoryChooser();
    dc.setTitle("Export charts, heatmaps and metrics into…");
    if (lastFolder != null && lastFolder.isDirectory()) {
      dc.setInitialDirectory(lastFolder);
    }
    File f = dc.showDialog(owner);
    if (f == null) {
      return;
    }
    lastFolder = f;
    try {
      List<Path> files = exportAllTo(f.toPath());
      Alert a = new Alert(Alert.AlertType.INFORMATION,
          files.size() + " files written to\n" + files.get(0).getParent());
      a.setHeaderText("Export finished");
      a.initOwner(owner);
      a.show();
    } catch (IOException | RuntimeException e) {
      Alert a = new Alert(Alert.AlertType.ERROR, "Export into " + f + " failed: " + e.getMessage()
          + "\nChoose a writable folder with free space.");
      a.initOwner(owner);
      a.show();
    }
  }

  /** Without dialogs (tests, scripting). */
  public List<Path> exportAllTo(Path parent) throws IOException {
    return Exporter.exportAll(parent, session.get(), charts.get(), LocalDateTime.now());
  }
}
