package dev.csrlab.ui.history;

import dev.csrlab.ui.history.HistoryViewModel.Entry;
import java.io.File;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.DirectoryChooser;

/** The History tab: earlier experiments under the output folder; double-click opens one. */
public final class HistoryView extends BorderPane {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
  private final HistoryViewModel vm;
  private final TableView<Entry> table = new TableView<>();

  public HistoryView(HistoryViewModel vm) {
    this.vm = vm;
    table.setItems(vm.entries());
    TableColumn<Entry, String> name = new TableColumn<>("Experiment");
    name.setCellValueFactory(e -> new ReadOnlyStringWrapper(e.getValue().name()));
    name.setPrefWidth(420);
    TableColumn<Entry, String> time = new TableColumn<>("Modified");
    time.setCellValueFactory(e ->
        new ReadOnlyStringWrapper(TIME.format(e.getValue().modified().toInstant())));
    time.setPrefWidth(160);
    TableColumn<Entry, String> done = new TableColumn<>("summary.json");
    done.setCellValueFactory(e ->
        new ReadOnlyStringWrapper(e.getValue().finished() ? "yes" : "no (unfinished)"));
    done.setPrefWidth(140);
    table.getColumns().setAll(List.of(name, time, done));
    table.setPlaceholder(new Label("No experiments in this folder yet"));
    table.setOnMouseClicked(e -> {
      if (e.getClickCount() == 2 && table.getSelectionModel().getSelectedItem() != null) {
        vm.open(table.getSelectionModel().getSelectedItem().dir());
      }
    });
    Label folder = new Label();
    folder.textProperty().bind(vm.folderProperty().asString("Folder: %s"));
    Button refresh = new Button("Refresh");
    refresh.setOnAction(e -> vm.refresh());
    Button open = new Button("Open selected");
    open.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
    open.setOnAction(e -> vm.open(table.getSelectionModel().getSelectedItem().dir()));
    Button browse = new Button("Open folder…");
    browse.setOnAction(e -> browse());
    HBox top = new HBox(8, folder, refresh, open, browse);
    top.setAlignment(Pos.CENTER_LEFT);
    top.setPadding(new Insets(6, 8, 6, 8));
    Label message = new Label();
    message.textProperty().bind(vm.messageProperty());
    message.setPadding(new Insets(4, 8, 4, 8));
    message.setWrapText(true);
    setTop(top);
    setCenter(table);
    setBottom(message);
  }

  private void browse() {
    DirectoryChooser dc = new DirectoryChooser();
    dc.setTitle("Open an experiment directory (it holds config.json / summary.json)");
    if (vm.folderProperty().get() != null && vm.folderProperty().get().toFile().isDirectory()) {
      dc.setInitialDirectory(vm.folderProperty().get().toFile());
    }
    File f = dc.showDialog(getScene().getWindow());
    if (f == null) {
      return;
    }
    if (ExperimentDirReader.isExperimentDir(f.toPath())) {
      vm.open(f.toPath());
    } else {
      vm.folderProperty().set(f.toPath());
      vm.refresh();
    }
  }
}
