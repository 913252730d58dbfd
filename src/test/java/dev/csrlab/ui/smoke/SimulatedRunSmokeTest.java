package dev.csrlab.ui.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.csrlab.ui.LabWindow;
import dev.csrlab.ui.SimulatedExperiment;
import dev.csrlab.ui.chart.Metric;
import dev.csrlab.ui.run.FxTaskExecutor;
import dev.csrlab.ui.run.RunState;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.jfree.data.Range;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/** The whole window, headless, driven by the fake event source (no training). */
@ExtendWith(ApplicationExtension.class)
class SimulatedRunSmokeTest {
  private LabWindow window;
  private Path out;

  @Start
  void start(Stage stage) throws Exception {
    out = Files.createTempDirectory("csr-ui-sim");
    window = new LabWindow(new SimulatedExperiment(out, 1_000_000, s -> {}),
        new FxTaskExecutor(), (dir, o) -> o.resolve("report.html"), SmokeSupport.tiny(out));
    stage.setScene(new Scene(window.root(), 1280, 800));
    stage.show();
    window.start();
  }

  @Stop
  void stop() {
    window.stop();
  }

  @Test
  void runShowsCurvesMarkerHeatmapAndExports(FxRobot robot) throws Exception {
    robot.clickOn("#runButton");
    SmokeSupport.waitForState(window, 30, RunState.FINISHED, RunState.FAILED);
    assertEquals(RunState.FINISHED, window.runViewModel().getState(),
        window.runViewModel().messageProperty().get());
    SmokeSupport.settle();
    SmokeSupport.assertChartsShowRunsAndMarker(window, 8);
    robot.clickOn("#zoomToWidening");
    SmokeSupport.settle();
    Range r = window.liveCharts().pane(Metric.VAL_LOSS).chart().getXYPlot().getDomainAxis()
        .getRange();
    assertEquals(new Range(1, 32), r, "± 100 steps around N = 8, clipped to the recorded 1..32");
    SmokeSupport.assertHeatmapHoverShowsAValue(robot, window);
    robot.clickOn("Results");
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(3, window.resultsView().rows().size());
    SmokeSupport.assertExportWritesValidFiles(window, out);
  }

  @Test
  void invalidConfigDisablesRun(FxRobot robot) {
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> window.configViewModel().value("epochs").set("1"));
    assertTrue(robot.lookup("#runButton").queryButton().isDisabled());
    robot.interact(() -> window.configViewModel().value("epochs").set("2"));
    assertTrue(!robot.lookup("#runButton").queryButton().isDisabled());
  }
}
