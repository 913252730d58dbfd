package dev.csrlab.ui.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.csrlab.growth.LayerWidening;
import dev.csrlab.train.Phase;
import dev.csrlab.train.RunKey;
import dev.csrlab.ui.chart.ChartsViewModel.SeriesData;
import dev.csrlab.ui.session.RunSeries;
import dev.csrlab.ui.session.Session;
import dev.csrlab.ui.session.WideningInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartsViewModelTest {
  private static final RunKey A = new RunKey("scratch", 0);
  private static final RunKey C = new RunKey("continuous", 0);

  private static Session session(int steps, long n) {
    Session s = new Session(null);
    for (RunKey k : List.of(A, C)) {
      RunSeries r = s.series(k);
      for (int i = 1; i <= steps; i++) {
        boolean spike = k.equals(C) && i == n + 1;
        r.append(i, 1, spike ? 4 : 0.5, spike ? 4 : 0.5, 0.9, 1e-3,
            k.equals(C) && i <= n ? Phase.SMALL : Phase.WIDE);
      }
    }
    s.putWidening(C, new WideningInfo(n, "epoch 3", 0.3, 0.1, List.<LayerWidening>of(), null));
    return s;
  }

  @Test
  void oneSeriesPerRunColouredByVariantOrder() {
    ChartsViewModel vm = new ChartsViewModel();
    vm.sessionProperty().set(session(50_000, 25_000));
    List<SeriesData> data = vm.series(Metric.VAL_LOSS, 1, 50_000, 1000);
    assertEquals(List.of("scratch", "continuous"), data.stream().map(SeriesData::label).toList());
    assertEquals(0, data.get(0).colourIndex());
    assertEquals(1, data.get(1).colourIndex());
    assertTrue(data.get(1).points().size() <= 2002, "not downsampled");
  }

  @Test
  void markerSitsAtTheWideningStep() {
    ChartsViewModel vm = new ChartsViewModel();
    vm.sessionProperty().set(session(1000, 400));
    assertEquals(List.of(new ChartsViewModel.WideningMarker(400, "widen continuous @ 400")),
        vm.markers());
  }

  @Test
  void smoothingKeepsTheShockAtTheWideningStep() {
    ChartsViewModel vm = new ChartsViewModel();
    vm.sessionProperty().set(session(1000, 400));
    vm.smoothingProperty().set(0.95);
    Points p = vm.series(Metric.VAL_LOSS, 395, 405, 1000).get(1).points();
    boolean found = false;
    for (int i = 0; i < p.size(); i++) {
      found |= p.x()[i] == 401 && p.y()[i] == 4.0;
    }
    assertTrue(found, "step 401 should keep its raw value 4.0");
  }

  @Test
  void zoomWindowIsCentredOnTheWidening() {
    ChartsViewModel vm = new ChartsViewModel();
    vm.sessionProperty().set(session(1000, 400));
    vm.zoomHalfWidthProperty().set(50);
    assertArrayEquals(new double[] {350, 450}, vm.zoomWindow(400));
  }

  @Test
  void zoomWindowStaysWithinTheRecordedSteps() {
    ChartsViewModel vm = new ChartsViewModel();
    vm.sessionProperty().set(session(1000, 40));
    vm.zoomHalfWidthProperty().set(100);
    assertArrayEquals(new double[] {1, 140}, vm.zoomWindow(40));
  }

  @Test
  void dataRangeSpansAllRuns() {
    ChartsViewModel vm = new ChartsViewModel();
    vm.sessionProperty().set(session(1000, 400));
    assertArrayEquals(new double[] {1, 1000}, vm.dataRange());
  }
}
