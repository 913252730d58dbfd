package dev.csrlab.ui.chart;

import dev.csrlab.ui.chart.ChartsViewModel.WideningMarker;
import dev.csrlab.ui.session.Session;
import dev.csrlab.ui.session.WideningInfo;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;

/**
 * The Live tab: train loss, validation loss and validation accuracy per step with the variants
 * overlaid, widening markers, and the controls (smoothing split at widening, log y, zoom to
 * widening ± N). Redrawn from {@link #frame} only, at most {@code maxChartFps} times a second.
 */
public final class LiveChartView extends BorderPane {
  private final ChartsViewModel vm;
  private final Map<Metric, ChartPane> panes = new EnumMap<>(Metric.class);
  private final ComboBox<Long> wideningSteps = new ComboBox<>();
  private final ListView<String> widenings = new ListView<>();
  private final long minChartIntervalNanos;
  private long lastVersion = -1;
  private long lastDraw;
  private Session lastSession;
  private boolean shown = true;
  private long redraws;

  public LiveChartView(ChartsViewModel vm, double maxChartFps) {
    this.vm = vm;
    this.minChartIntervalNanos = (long) (1e9 / maxChartFps);
    for (Metric m : Metric.values()) {
      panes.put(m, new ChartPane(m, vm));
    }
    setTop(controls());
    setCenter(grid());
    vm.smoothingProperty().addListener((o, a, b) -> panes.values().forEach(ChartPane::invalidate));
    vm.sessionProperty().addListener((o, a, b) -> resetZoom());
  }

  private HBox controls() {
    Slider smoothing = new Slider(0, 0.99, 0);
    smoothing.setPrefWidth(160);
    smoothing.valueProperty().bindBidirectional(vm.smoothingProperty());
    smoothing.setTooltip(new Tooltip(
        "EMA weight. Each side of a widening is smoothed separately, so the shock is not"
            + " smeared."));
    Label smoothingValue = new Label();
    smoothingValue.textProperty().bind(vm.smoothingProperty().asString("%.2f"));
    smoothingValue.setMinWidth(34);
    CheckBox logY = new CheckBox("log y");
    logY.selectedProperty().bindBidirectional(vm.logYProperty());
    Spinner<Integer> half = new Spinner<>(1, 100_000, vm.zoomHalfWidthProperty().get(), 10);
    half.setEditable(true);
    half.setPrefWidth(95);
    half.valueProperty().addListener((o, a, b) -> vm.zoomHalfWidthProperty().set(b));
    wideningSteps.setPromptText("step N");
    wideningSteps.setPrefWidth(95);
    Button zoom = new Button("Zoom to widening");
    zoom.setId("zoomToWidening");
    zoom.disableProperty().bind(wideningSteps.valueProperty().isNull());
    zoom.setOnAction(e -> zoomToWidening());
    Button reset = new Button("Reset zoom");
    reset.setOnAction(e -> resetZoom());
    Label hint = new Label("drag: zoom · shift-drag: pan · wheel: zoom · double-click: reset");
    hint.setStyle("-fx-text-fill: #666;");
    HBox box = new HBox(8, new Label("Smoothing"), smoothing, smoothingValue, logY,
        new Label("± steps"), half, wideningSteps, zoom, reset, hint);
    box.setAlignment(Pos.CENTER_LEFT);
    box.setPadding(new Insets(6, 8, 6, 8));
    return box;
  }

  private GridPane grid() {
    GridPane g = new GridPane();
    g.setHgap(4);
    g.setVgap(4);
    g.setPadding(new Insets(0, 4, 4, 4));
    g.add(panes.get(Metric.TRAIN_LOSS).viewer(), 0, 0);
    g.add(panes.get(Metric.VAL_LOSS).viewer(), 1, 0);
    g.add(panes.get(Metric.VAL_ACC).viewer(), 0, 1);
    Label title = new Label("Widenings");
    title.setStyle("-fx-font-weight: bold;");
    widenings.setPlaceholder(new Label("No widening yet"));
    VBox side = new VBox(4, title, widenings);
    VBox.setVgrow(widenings, Priority.ALWAYS);
    side.setPadding(new Insets(4));
    g.add(side, 1, 1);
    for (var n : List.of(panes.get(Metric.TRAIN_LOSS).viewer(), panes.get(Metric.VAL_LOSS).viewer(),
        panes.get(Metric.VAL_ACC).viewer(), side)) {
      GridPane.setHgrow(n, Priority.ALWAYS);
      GridPane.setVgrow(n, Priority.ALWAYS);
      n.setPrefSize(500, 300);
      n.setMinSize(200, 150);
    }
    return g;
  }

  /**
   * Whether the tab is on screen. Hidden charts are not redrawn (drawing is most of the GUI's
   * cost); they catch up on the first frame after being shown.
   */
  public void setShown(boolean shown) {
    this.shown = shown;
  }

  /** Called every frame by the app: redraws when the session changed (rate-limited). */
  public void frame(long nowNanos) {
    if (!shown) {
      return;
    }
    Session s = vm.sessionProperty().get();
    boolean changed = s != lastSession || s.version() != lastVersion;
    if (changed && nowNanos - lastDraw < minChartIntervalNanos && s == lastSession) {
      panes.values().forEach(p -> p.update(false));
      return;
    }
    lastDraw = nowNanos;
    redraws += changed ? 1 : 0;
    lastSession = s;
    lastVersion = s.version();
    panes.values().forEach(p -> p.update(changed));
    if (changed) {
      refreshWidenings(s);
    }
  }

  private void refreshWidenings(Session s) {
    List<Long> steps = vm.markers().stream().map(WideningMarker::step).toList();
    if (!steps.equals(wideningSteps.getItems())) {
      Long keep = wideningSteps.getValue();
      wideningSteps.setItems(FXCollections.observableArrayList(steps));
      wideningSteps.setValue(keep != null && steps.contains(keep) ? keep
          : steps.isEmpty() ? null : steps.get(0));
    }
    List<String> rows = new ArrayList<>();
    s.wideningList().forEach(e -> rows.add(describe(e.getKey().toString(), e.getValue())));
    if (!rows.equals(widenings.getItems())) {
      widenings.getItems().setAll(rows);
    }
  }

  private static String describe(String run, WideningInfo w) {
    return String.format("%s @ step %d%s: shock %+.4f, function error %.4f", run, w.step(),
        w.trigger() == null ? "" : " (trigger: " + w.trigger() + ")", w.shock(),
        w.functionError());
  }

  /** How many times new data was drawn (tests check the ≤ maxChartFps rate). */
  public long redraws() {
    return redraws;
  }

  public void zoomToWidening() {
    Long step = wideningSteps.getValue();
    if (step != null) {
      double[] w = vm.zoomWindow(step);
      panes.values().forEach(p -> p.zoomTo(w[0], w[1]));
    }
  }

  public void resetZoom() {
    panes.values().forEach(ChartPane::resetZoom);
  }

  public ChartPane pane(Metric m) {
    return panes.get(m);
  }

  /** The charts by metric, for export. */
  public Map<Metric, JFreeChart> charts() {
    Map<Metric, JFreeChart> out = new EnumMap<>(Metric.class);
    panes.forEach((m, p) -> out.put(m, p.chart()));
    return out;
  }
}
