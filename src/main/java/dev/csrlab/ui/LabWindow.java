package dev.csrlab.ui;

import dev.csrlab.config.ConfigException;
import dev.csrlab.config.ExperimentConfig;
import dev.csrlab.experiment.ExperimentRunner;
import dev.csrlab.ui.chart.ChartsViewModel;
import dev.csrlab.ui.chart.LiveChartView;
import dev.csrlab.ui.config.ConfigView;
import dev.csrlab.ui.config.ConfigViewModel;
import dev.csrlab.ui.export.ExportActions;
import dev.csrlab.ui.fx.FrameStats;
import dev.csrlab.ui.fx.FxPump;
import dev.csrlab.ui.heatmap.HeatmapInspector;
import dev.csrlab.ui.heatmap.HeatmapViewModel;
import dev.csrlab.ui.history.HistoryView;
import dev.csrlab.ui.history.HistoryViewModel;
import dev.csrlab.ui.results.ReportAction;
import dev.csrlab.ui.results.ResultsView;
import dev.csrlab.ui.run.ExperimentEngine;
import dev.csrlab.ui.run.RunState;
import dev.csrlab.ui.run.RunViewModel;
import dev.csrlab.ui.run.StatusBar;
import dev.csrlab.ui.run.TaskExecutor;
import dev.csrlab.ui.session.Session;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.Separator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;

/**
 * The window's content and wiring: view models, views, the toolbar and the one frame pump that
 * moves training events into the views. Built with an injected engine and executor so smoke
 * tests can drive it with a fake event source or the real runner.
 */
public final class LabWindow {
  /** Frames per second of the event pump (STYLE: batched, ≤ 30 fps). */
  public static final double PUMP_FPS = 30;

  private final TaskExecutor executor;
  private final ReportAction report;
  private final ConfigViewModel config;
  private final RunViewModel run;
  private final ChartsViewModel charts = new ChartsViewModel();
  private final HeatmapViewModel heatmaps = new HeatmapViewModel();
  private final HistoryViewModel history;
  private final LiveChartView live;
  private final HeatmapInspector inspector;
  private final ResultsView results = new ResultsView();
  private final ExportActions export;
  private final TabPane tabs = new TabPane();
  private final BorderPane root = new BorderPane();
  private final FxPump pump;
  private final FrameStats frameStats = new FrameStats();
  private Consumer<String> documentOpener = uri -> {};

  public LabWindow(ExperimentEngine engine, TaskExecutor executor, ReportAction report,
      ExperimentConfig initial) {
    this.executor = executor;
    this.report = report;
    this.config = new ConfigViewModel(initial);
    this.run = new RunViewModel(executor, engine);
    this.history = new HistoryViewModel(executor, this::showOpened);
    charts.sessionProperty().bind(run.sessionProperty());
    live = new LiveChartView(charts, Double.parseDouble(
        System.getProperty("csrlab.ui.chartFps", "10")));
    inspector = new HeatmapInspector(heatmaps);
    export = new ExportActions(run::getSession, live::charts);
    pump = new FxPump(PUMP_FPS, this::frame);
    build();
  }

  private void build() {
    Tab configure = tab("Configure", new ConfigView(config, runButton("configRunButton")));
    Tab liveTab = tab("Live", live);
    Tab history = tab("History", new HistoryView(this.history));
    ListView<String> log = new ListView<>(run.log());
    log.setId("logList");
    run.log().addListener((javafx.collections.ListChangeListener<String>) c ->
        log.scrollTo(run.log().size() - 1));
    tabs.getTabs().setAll(configure, liveTab, tab("Heatmaps", inspector), tab("Results", results),
        history, tab("Log", log));
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    live.setShown(liveTab.isSelected());
    liveTab.selectedProperty().addListener((o, a, b) -> live.setShown(b));
    run.stateProperty().addListener((o, a, b) -> {
      if (b == RunState.RUNNING) {
        frameStats.reset();
        tabs.getSelectionModel().select(liveTab);
      } else if (a != null && a.isActive() && !b.isActive()) {
        // The GUI's own cost during the run, for comparing with a headless `csr-lab run`.
        run.log().add("GUI frame time on the FX thread: " + frameStats);
      }
    });
    history.setOnSelectionChanged(e -> {
      if (history.isSelected()) {
        this.history.refresh();
      }
    });
    this.history.folderProperty().set(outputRoot());
    config.configProperty().addListener(
        (o, a, b) -> this.history.folderProperty().set(outputRoot()));
    root.setTop(toolbar());
    root.setCenter(tabs);
    root.setBottom(new StatusBar(run));
  }

  private void showOpened(Session s) {
    run.open(s);
    tabs.getTabs().stream().filter(t -> "Live".equals(t.getText())).findFirst()
        .ifPresent(t -> tabs.getSelectionModel().select(t));
  }

  private Path outputRoot() {
    try {
      return ExperimentRunner.outputRoot(config.getConfig().out());
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static Tab tab(String name, javafx.scene.Node content) {
    Tab t = new Tab(name, content);
    t.setId("tab-" + name.toLowerCase());
    return t;
  }

  private ToolBar toolbar() {
    Button cancel = new Button("■ Cancel");
    cancel.setId("cancelButton");
    cancel.disableProperty().bind(run.stateProperty().isNotEqualTo(RunState.RUNNING));
    cancel.setOnAction(e -> run.cancel());
    Button exportAll = new Button("Export all…");
    exportAll.setId("exportButton");
    exportAll.setOnAction(e -> export.exportAll(root.getScene().getWindow()));
    Button reportButton = new Button("Report");
    reportButton.setId("reportButton");
    reportButton.disableProperty().bind(active());
    reportButton.setOnAction(e -> writeReport());
    return new ToolBar(runButton("runButton"), cancel, new Separator(), exportAll, reportButton);
  }

  private BooleanBinding active() {
    return Bindings.createBooleanBinding(() -> run.getState().isActive(), run.stateProperty());
  }

  private Button runButton(String id) {
    Button b = new Button("▶ Run");
    b.setId(id);
    b.setStyle("-fx-font-weight: bold;");
    b.disableProperty().bind(config.validProperty().not().or(active()));
    b.setOnAction(e -> startRun());
    return b;
  }

  private void startRun() {
    try {
      run.start(config.getConfig());
    } catch (ConfigException | IllegalStateException e) {
      alert(Alert.AlertType.ERROR, "Cannot start", e.getMessage());
    }
  }

  private void writeReport() {
    Session s = run.getSession();
    Path dir = s.experimentDir();
    if (dir == null) {
      alert(Alert.AlertType.INFORMATION, "No experiment yet",
          "Run an experiment or open one from History first.");
      return;
    }
    executor.execute(() -> report.write(dir, freshReportDir(dir)),
        file -> {
          alert(Alert.AlertType.INFORMATION, "Report written", file.toString());
          documentOpener.accept(file.toUri().toString());
        },
        error -> alert(Alert.AlertType.ERROR, "Report failed", error.getMessage()));
  }

  /** {@code report/}, or {@code report-2/}, … : an earlier report is never overwritten. */
  static Path freshReportDir(Path experimentDir) {
    Path p = experimentDir.resolve("report");
    for (int i = 2; java.nio.file.Files.exists(p); i++) {
      p = experimentDir.resolve("report-" + i);
    }
    return p;
  }

  private void alert(Alert.AlertType type, String header, String text) {
    Alert a = new Alert(type, text);
    a.setHeaderText(header);
    if (root.getScene() != null) {
      a.initOwner(root.getScene().getWindow());
    }
    a.show();
  }

  /** One frame: apply queued events, then let each view redraw what changed. */
  private void frame() {
    long t0 = System.nanoTime();
    run.pump();
    Session s = run.getSession();
    live.frame(t0);
    inspector.frame(s);
    results.frame(s);
    frameStats.record(System.nanoTime() - t0);
  }

  /** FX-thread time spent per frame (GUI overhead; see FrameStats). */
  public FrameStats frameStats() {
    return frameStats;
  }

  public Parent root() {
    return root;
  }

  /** Opens the report in the user's browser (the app passes HostServices::showDocument). */
  public void setDocumentOpener(Consumer<String> opener) {
    documentOpener = opener;
  }

  public void start() {
    pump.start();
  }

  /** Stops the pump and asks a running experiment to stop (the engine thread is a daemon). */
  public void stop() {
    pump.stop();
    run.cancel();
    executor.shutdown();
  }

  public ConfigViewModel configViewModel() {
    return config;
  }

  public RunViewModel runViewModel() {
    return run;
  }

  public ChartsViewModel chartsViewModel() {
    return charts;
  }

  public HeatmapViewModel heatmapViewModel() {
    return heatmaps;
  }

  public HistoryViewModel historyViewModel() {
    return history;
  }

  public LiveChartView liveCharts() {
    return live;
  }

  public HeatmapInspector heatmapInspector() {
    return inspector;
  }

  public ResultsView resultsView() {
    return results;
  }

  public ExportActions exportActions() {
    return export;
  }

  public TabPane tabs() {
    return tabs;
  }
}
