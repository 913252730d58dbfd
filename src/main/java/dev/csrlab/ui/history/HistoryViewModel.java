package dev.csrlab.ui.history;

import dev.csrlab.ui.run.TaskExecutor;
import dev.csrlab.ui.session.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The History tab without a window: lists experiment directories under the output folder and
 * opens one in the background (reading 50k-row CSVs must not freeze the window), handing the
 * resulting Session to {@code onOpened}.
 */
public final class HistoryViewModel {
  /** One experiment directory found under the output folder. */
  public record Entry(Path dir, String name, FileTime modified, boolean finished) {}

  private final TaskExecutor executor;
  private final Consumer<Session> onOpened;
  private final ObjectProperty<Path> folder = new SimpleObjectProperty<>();
  private final ObservableList<Entry> entries = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

  public HistoryViewModel(TaskExecutor executor, Consumer<Session> onOpened) {
    this.executor = executor;
    this.onOpened = onOpened;
  }

  public ObjectProperty<Path> folderProperty() {
    return folder;
  }

  public ObservableList<Entry> entries() {
    return entries;
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** Re-reads the folder listing (newest first). */
  public void refresh() {
    Path f = folder.get();
    List<Entry> found = new ArrayList<>();
    if (f != null && Files.isDirectory(f)) {
      try (Stream<Path> dirs = Files.list(f)) {
        for (Path d : dirs.filter(Files::isDirectory).toList()) {
          if (ExperimentDirReader.isExperimentDir(d)) {
            found.add(new Entry(d, d.getFileName().toString(), Files.getLastModifiedTime(d),
                Files.isRegularFile(d.resolve("summary.json"))));
          }
        }
      } catch (IOException e) {
        message.set("Cannot list " + f + ": " + e.getMessage());
      }
    }
    found.sort(Comparator.comparing(Entry::modified).reversed());
    entries.setAll(found);
    message.set(f == null ? "" : found.size() + " experiment(s) in " + f);
  }

  /** Reads {@code dir} in the background, then shows it. */
  public void open(Path dir) {
    message.set("Opening " + dir + "…");
    List<String> warnings = new ArrayList<>();
    executor.execute(() -> ExperimentDirReader.read(dir, warnings),
        session -> {
          onOpened.accept(session);
          message.set("Opened " + dir.getFileName()
              + (warnings.isEmpty() ? "" : " — " + String.join("; ", warnings)));
        },
        error -> message.set("Cannot open " + dir + ": " + error.getMessage()));
  }
}
