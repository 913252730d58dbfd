package dev.csrlab.ui.heatmap;

import dev.csrlab.ui.heatmap.HeatmapViewModel.Choice;
import dev.csrlab.ui.heatmap.HeatmapViewModel.Panel;
import dev.csrlab.ui.session.Session;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;

/**
 * The Heatmaps tab: for a chosen run and widened layer, the cosine-similarity matrix before and
 * after seriation side by side on one colour scale, hover read-out, click-to-inspect a unit, the
 * Fiedler vector and the path similarities.
 */
public final class HeatmapInspector extends BorderPane {
  private final HeatmapViewModel vm;
  private final ComboBox<Choice> layers = new ComboBox<>();
  private final HeatmapCanvas before = new HeatmapCanvas();
  private final HeatmapCanvas after = new HeatmapCanvas();
  private final Label hover = new Label();
  private final Label paths = new Label();
  private final FiedlerChart fiedler = new FiedlerChart();
  private final UnitStrip units;
  private final Label empty = new Label(
      "No seriated layer yet. Heatmaps appear when a resampling variant (continuous) widens.");
  private long lastVersion = -1;
  private Session lastSession;
  // True while the shown layer was picked by frame(), not by the user: then a better layer
  // (a resampling variant's) that arrives later replaces it.
  private boolean autoSelection = true;
  private boolean selecting;

  public HeatmapInspector(HeatmapViewModel vm) {
    this.vm = vm;
    this.units = new UnitStrip(vm);
    before.setId("heatmapBefore");
    after.setId("heatmapAfter");
    hover.setId("heatmapHover");
    layers.setPrefWidth(360);
    layers.valueProperty().bindBidirectional(vm.selectedProperty());
    vm.selectedProperty().addListener((o, a, b) -> {
      show(b);
      autoSelection &= selecting;
    });
    vm.selectedUnitProperty().addListener((o, a, b) -> highlight(b.intValue()));
    hover.textProperty().bind(vm.hoverTextProperty());
    hover.setStyle("-fx-font-family: monospace; -fx-font-size: 13px;");
    before.setOnHover((r, c) -> vm.hover(Panel.BEFORE, r, c));
    after.setOnHover((r, c) -> vm.hover(Panel.AFTER, r, c));
    before.setOnCellClick(r -> vm.click(Panel.BEFORE, r));
    after.setOnCellClick(r -> vm.click(Panel.AFTER, r));
    Button fit = new Button("Fit");
    fit.setOnAction(e -> {
      before.fit();
      after.fit();
    });
    Label hint = new Label("wheel: zoom · drag: pan · click a row: inspect that unit");
    hint.setStyle("-fx-text-fill: #666;");
    HBox top = new HBox(8, new Label("Layer"), layers, fit, hint);
    top.setAlignment(Pos.CENTER_LEFT);
    top.setPadding(new Insets(6, 8, 6, 8));
    setTop(top);
    setCenter(maps());
    setBottom(details());
  }

  private HBox maps() {
    VBox b = titled("Before seriation (trained order)", before);
    VBox a = titled("After seriation (sorted by the Fiedler vector)", after);
    ImageView legend = new ImageView(HeatmapImages.legend(16, 256));
    legend.setFitHeight(256);
    VBox scale = new VBox(2, new Label("+1"), legend, new Label("−1"));
    scale.setAlignment(Pos.CENTER);
    Label caption = new Label("cosine\nsimilarity");
    caption.setStyle("-fx-font-size: 11px;");
    VBox legendBox = new VBox(6, caption, scale, new Label("0 = white"));
    legendBox.setAlignment(Pos.CENTER);
    legendBox.setPadding(new Insets(0, 8, 0, 4));
    HBox box = new HBox(8, b, a, legendBox);
    HBox.setHgrow(b, Priority.ALWAYS);
    HBox.setHgrow(a, Priority.ALWAYS);
    box.setPadding(new Insets(0, 8, 4, 8));
    return box;
  }

  private static VBox titled(String title, HeatmapCanvas c) {
    Label l = new Label(title);
    l.setStyle("-fx-font-weight: bold;");
    VBox v = new VBox(4, l, c);
    VBox.setVgrow(c, Priority.ALWAYS);
    c.setPrefSize(420, 420);
    return v;
  }

  private HBox details() {
    empty.setStyle("-fx-text-fill: #666;");
    VBox info = new VBox(6, empty, hover, paths, units);
    info.setPadding(new Insets(4, 8, 8, 8));
    HBox.setHgrow(info, Priority.ALWAYS);
    ChartViewer f = fiedler.viewer();
    f.setPrefSize(380, 190);
    f.setMinSize(260, 150);
    HBox box = new HBox(8, info, f);
    box.setPadding(new Insets(0, 8, 4, 0));
    return box;
  }

  /** Called every frame by the app: lists new seriated layers as they arrive. */
  public void frame(Session s) {
    if (s == lastSession && s.version() == lastVersion) {
      return;
    }
    if (s != lastSession) {
      autoSelection = true;
      vm.setWeightsSource(c -> CheckpointWeights.incoming(s.runDir(c.key()), c.info().step(),
          c.layer().hidden()));
    }
    lastSession = s;
    lastVersion = s.version();
    List<Choice> choices = HeatmapViewModel.choices(s);
    if (choices.equals(layers.getItems())) {
      return;
    }
    Choice keep = vm.selectedProperty().get();
    selecting = true;
    try {
      // Replacing a ComboBox's items clears its value (and, bound, the selection): restore it.
      layers.getItems().setAll(choices);
      vm.selectedProperty().set(choices.isEmpty() ? null
          : !autoSelection && choices.contains(keep) ? keep : preferred(choices));
    } finally {
      selecting = false;
    }
  }

  /** The first layer of a resampling variant if any (that is what the inspector is for). */
  private Choice preferred(List<Choice> choices) {
    return choices.stream().filter(c -> c.layer().order().length > 0 && !isIdentity(c))
        .filter(c -> "continuous".equals(lastSession.method(c.key())))
        .findFirst().orElse(choices.get(0));
  }

  private static boolean isIdentity(Choice c) {
    int[] o = c.layer().order();
    for (int i = 0; i < o.length; i++) {
      if (o[i] != i) {
        return false;
      }
    }
    return true;
  }

  private void show(Choice c) {
    empty.setVisible(c == null);
    empty.setManaged(c == null);
    if (c == null) {
      before.show(null, 0);
      after.show(null, 0);
      paths.setText("");
      fiedler.show(new double[0]);
      units.refresh();
      return;
    }
    int n = vm.size();
    before.show(HeatmapImages.matrix(vm.matrix(Panel.BEFORE), n), n);
    after.show(HeatmapImages.matrix(vm.matrix(Panel.AFTER), n), n);
    paths.setText(vm.pathSimilarityText());
    fiedler.show(vm.sortedFiedler());
    units.refresh();
  }

  private void highlight(int unit) {
    before.highlight(unit < 0 ? -1 : vm.positionOf(Panel.BEFORE, unit));
    after.highlight(unit < 0 ? -1 : vm.positionOf(Panel.AFTER, unit));
    units.refresh();
  }

  public HeatmapCanvas beforeCanvas() {
    return before;
  }

  public HeatmapCanvas afterCanvas() {
    return after;
  }

  /** Snapshots of the current layer for export. */
  public Choice current() {
    return vm.selectedProperty().get();
  }
}
