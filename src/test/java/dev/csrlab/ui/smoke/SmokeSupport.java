package dev.csrlab.ui.smoke;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.csrlab.config.ExperimentConfig;
import dev.csrlab.config.TriggerSpec;
import dev.csrlab.ui.LabWindow;
import dev.csrlab.ui.chart.ChartPane;
import dev.csrlab.ui.chart.Metric;
import dev.csrlab.ui.heatmap.HeatmapCanvas;
import dev.csrlab.ui.run.RunState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Checks shared by the smoke tests (simulated and real engine). */
final class SmokeSupport {
  private SmokeSupport() {}

  /** SPEC-shaped tiny run: 2000 samples, batch 128 (16 steps/epoch), 2 epochs, N = 8, A/B/C. */
  static ExperimentConfig tiny(Path out) {
    ExperimentConfig.Builder b = ExperimentConfig.defaults().toBuilder();
    b.name = "smoke";
    b.trainSubset = 2000;
    b.epochs = 2;
    b.batchSize = 128;
    b.widening = TriggerSpec.atStep(8);
    b.out = out.toString();
    b.threads = 1;
    b.device = "cpu";
    return b.build();
  }

  static void waitForState(LabWindow w, long seconds, RunState... states) throws TimeoutException {
    List<RunState> wanted = List.of(states);
    WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS,
        () -> wanted.contains(w.runViewModel().getState()));
  }

  /** Lets the frame pump and the rate-limited chart redraw catch up. */
  static void settle() {
    WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS);
    WaitForAsyncUtils.waitForFxEvents();
  }

  static void assertChartsShowRunsAndMarker(LabWindow w, long n) {
    for (Metric m : Metric.values()) {
      ChartPane p = w.liveCharts().pane(m);
      assertEquals(3, p.seriesCount(), m + ": one line per variant");
      for (int i = 0; i < 3; i++) {
        assertTrue(p.itemCount(i) > 0, m + " " + p.seriesKey(i) + " has no points");
      }
      assertEquals(List.of((double) n), p.markerSteps(), m + ": marker at the widening step");
    }
  }

  static void assertHeatmapHoverShowsAValue(FxRobot robot, LabWindow w) throws TimeoutException {
    robot.clickOn("Heatmaps");
    WaitForAsyncUtils.waitForFxEvents();
    try {
      WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
          () -> w.heatmapViewModel().selectedProperty().get() != null);
    } catch (TimeoutException e) {
      var s = w.runViewModel().getSession();
      throw new AssertionError("no heatmap selected; choices "
          + dev.csrlab.ui.heatmap.HeatmapViewModel.choices(s) + " widenings "
          + s.wideningList().size() + " layers " + s.wideningList().stream()
              .map(x -> x.getValue().layers().size()).toList(), e);
    }
    HeatmapCanvas after = robot.lookup("#heatmapAfter").query();
    double[] c = after.cellCentre(5, 9);
    javafx.geometry.Point2D p = after.localToScreen(c[0], c[1]);
    robot.moveTo(p);
    WaitForAsyncUtils.waitForFxEvents();
    String text = w.heatmapViewModel().hoverTextProperty().get();
    assertTrue(text.contains("row 5, column 9") && text.contains("similarity"),
        "hover text '" + text + "' at " + p + ", canvas "
            + after.localToScreen(after.getBoundsInLocal())
            + ", selected " + w.heatmapViewModel().selectedProperty().get());
  }

  /** Clicks a row of the first layer's "after" heatmap: its incoming weights become images. */
  static void assertClickedUnitShowsItsWeights(FxRobot robot, LabWindow w) {
    var vm = w.heatmapViewModel();
    assertEquals(1, vm.selectedProperty().get().layer().hidden(), "hidden1 is shown first");
    HeatmapCanvas after = robot.lookup("#heatmapAfter").query();
    double[] c = after.cellCentre(20, 20);
    robot.clickOn(after.localToScreen(c[0], c[1]));
    WaitForAsyncUtils.waitForFxEvents();
    int unit = vm.selectedUnitProperty().get();
    assertEquals(vm.unitAt(dev.csrlab.ui.heatmap.HeatmapViewModel.Panel.AFTER, 20), unit);
    float[] img = vm.incomingImage(unit);
    assertTrue(img != null && img.length == 784, "no 28×28 weights for unit " + unit);
    assertEquals(7, vm.neighbourhood(3).size(), "the unit and 3 neighbours on each side");
  }

  static void assertExportWritesValidFiles(LabWindow w, Path parent) throws Exception {
    List<Path> files = WaitForAsyncUtils.asyncFx(() -> w.exportActions().exportAllTo(parent))
        .get(60, TimeUnit.SECONDS);
    byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    int png = 0;
    int svg = 0;
    int csv = 0;
    for (Path f : files) {
      String name = f.getFileName().toString();
      if (name.endsWith(".png")) {
        assertArrayEquals(magic, Arrays.copyOf(Files.readAllBytes(f), 8), name);
        assertTrue(ImageIO.read(f.toFile()).getWidth() > 10, name);
        png++;
      } else if (name.endsWith(".svg")) {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        assertEquals("svg", dbf.newDocumentBuilder().parse(f.toFile()).getDocumentElement()
            .getNodeName(), name);
        svg++;
      } else if (name.startsWith("metrics-")) {
        assertEquals("step,epoch,train_loss,val_loss,val_acc,lr,phase",
            Files.readAllLines(f).get(0), name);
        csv++;
      }
    }
    assertEquals(3, svg, "one SVG per chart");
    assertTrue(png >= 5, "3 charts + at least one heatmap pair, got " + png);
    assertEquals(3, csv, "one metrics CSV per run");
  }
}
