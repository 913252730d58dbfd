package dev.csrlab.ui.config;

import dev.csrlab.config.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.DefaultPropertyEditorFactory;
import org.controlsfx.property.editor.Editors;
import org.controlsfx.property.editor.PropertyEditor;

/**
 * The Configure tab: a grouped PropertySheet over {@link ConfigViewModel}; invalid fields get a
 * red outline with the reason as tooltip, and every problem is listed on the right.
 */
public final class ConfigView extends BorderPane {
  // Looked-up colours only: a border would change the row height and make the sheet jump.
  private static final String INVALID = "-fx-text-box-border: #d92d20; -fx-outer-border: #d92d20;"
      + " -fx-focus-color: #d92d20; -fx-control-inner-background: #fff1f0;";
  private final ConfigViewModel vm;
  private final PropertySheet sheet = new PropertySheet();

  public ConfigView(ConfigViewModel vm, Node runButton) {
    this.vm = vm;
    sheet.setId("configSheet");
    sheet.setMode(PropertySheet.Mode.CATEGORY);
    sheet.setModeSwitcherVisible(false);
    sheet.setCategoryComparator(java.util.Comparator.comparingInt(
        ConfigFields.CATEGORIES::indexOf));
    DefaultPropertyEditorFactory defaults = new DefaultPropertyEditorFactory();
    sheet.setPropertyEditorFactory(item -> decorate((ConfigItem) item, editorFor(item, defaults)));
    vm.fields().forEach(f -> sheet.getItems().add(new ConfigItem(f, vm)));
    setCenter(sheet);
    setRight(side(runButton));
  }

  private static PropertyEditor<?> editorFor(PropertySheet.Item item,
      DefaultPropertyEditorFactory defaults) {
    ConfigField f = ((ConfigItem) item).field();
    return f.choices() != null ? Editors.createChoiceEditor(item, f.choices())
        : defaults.call(item);
  }

  private PropertyEditor<?> decorate(ConfigItem item, PropertyEditor<?> editor) {
    Node node = editor.getEditor();
    node.setId("field-" + item.field().key());
    var problem = vm.problem(item.field().key());
    String plain = node.getStyle();
    Runnable show = () -> {
      boolean bad = !problem.get().isEmpty();
      node.setStyle(bad ? plain + INVALID : plain);
      Tooltip.install(node, new Tooltip(bad ? problem.get() : item.getDescription()));
    };
    problem.addListener((o, a, b) -> show.run());
    show.run();
    return editor;
  }

  private VBox side(Node runButton) {
    ComboBox<Preset> presets = new ComboBox<>();
    presets.getItems().setAll(Preset.values());
    presets.setPromptText("Preset…");
    presets.setId("presets");
    presets.setOnAction(e -> {
      if (presets.getValue() != null) {
        vm.applyPreset(presets.getValue());
      }
    });
    Button load = new Button("Load JSON…");
    load.setOnAction(e -> load());
    Button save = new Button("Save JSON…");
    save.setOnAction(e -> save());
    HBox files = new HBox(6, load, save);
    Label summary = new Label();
    summary.textProperty().bind(vm.summaryProperty());
    summary.setWrapText(true);
    Label problemsTitle = new Label();
    problemsTitle.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
        () -> vm.problems().isEmpty() ? "No problems: ready to run"
            : vm.problems().size() + " problem(s) to fix before running", vm.problems()));
    problemsTitle.setStyle("-fx-font-weight: bold;");
    ListView<String> problems = new ListView<>(vm.problems());
    problems.setId("configProblems");
    problems.setPlaceholder(new Label("✓ configuration is valid"));
    problems.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
      @Override
      protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty ? null : item);
        setWrapText(true);
        setPrefWidth(0);
        setStyle(empty ? "" : "-fx-text-fill: #b42318;");
      }
    });
    problems.setPrefHeight(220);
    VBox box = new VBox(8, new Label("Presets"), presets, files, runButton, summary,
        problemsTitle, problems);
    box.setAlignment(Pos.TOP_LEFT);
    box.setPadding(new Insets(8));
    box.setPrefWidth(380);
    return box;
  }

  private FileChooser chooser(String title) {
    FileChooser fc = new FileChooser();
    fc.setTitle(title);
    fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Config JSON", "*.json"));
    return fc;
  }

  private void load() {
    var f = chooser("Load experiment config").showOpenDialog(getScene().getWindow());
    if (f == null) {
      return;
    }
    try {
      vm.load(f.toPath());
    } catch (ConfigException e) {
      error("Cannot load " + f, e.getMessage());
    }
  }

  private void save() {
    FileChooser fc = chooser("Save experiment config");
    fc.setInitialFileName(vm.getConfig().name() + ".json");
    var f = fc.showSaveDialog(getScene().getWindow());
    if (f == null) {
      return;
    }
    try {
      vm.save(Path.of(f.getPath()));
    } catch (IOException | UncheckedIOException e) {
      error("Cannot save " + f, e.getMessage());
    }
  }

  private void error(String header, String text) {
    Alert a = new Alert(Alert.AlertType.ERROR, text);
    a.setHeaderText(header);
    a.initOwner(getScene().getWindow());
    a.show();
  }

  public PropertySheet sheet() {
    return sheet;
  }
}
