package dev.csrlab.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CurvesTest {
  @TempDir Path tmp;

  /* 784·128 + 128·128 + 128·10 = 100352 + 16384 + 1280 = 118016 MACs; ×6×128 = 90,636,288. */
  @Test
  void flopsPerStepIsSixTimesBatchTimesWeights() {
    assertEquals(90_636_288.0, FlopsModel.perStep(List.of(128, 128), 128));
    assertEquals(
        6.0 * 128 * (784 * 256 + 256 * 256 + 2560), FlopsModel.perStep(List.of(256, 256), 128));
  }

  @Test
  void cumulativeFlopsPriceEachStepByItsModel() throws IOException {
    StepSeries s = StepSeries.read(write("step,phase\n1,small\n2,small\n3,wide\n4,wide\n"));
    assertArrayEquals(
        new double[] {1, 2, 12, 22}, FlopsModel.cumulative(s, "continuous", 2, 1, 10), 1e-12);
    StepSeries noPhase = StepSeries.read(write("step\n1\n2\n3\n4\n"));
    assertArrayEquals(
        new double[] {10, 20, 30, 40},
        FlopsModel.cumulative(noPhase, "scratch", -1, 1, 10),
        1e-12,
        "A pays wide from 0");
    assertArrayEquals(
        new double[] {1, 2, 12, 22}, FlopsModel.cumulative(noPhase, "net2net", 2, 1, 10), 1e-12);
    assertArrayEquals(
        new double[] {1, 2, 3, 4},
        FlopsModel.cumulative(noPhase, "small-continue", -1, 1, 10),
        1e-12);
  }

  @Test
  void metricsCsvIsReadByHeaderNameWithEmptyCellsAsNan() throws IOException {
    StepSeries s = StepSeries.read(write("val_acc,step,val_loss,epoch\n0.5,1,,0\n0.6,2,1.5,0\n"));
    assertEquals(2, s.size());
    assertEquals(2, s.step()[1]);
    assertTrue(Double.isNaN(s.valLoss()[0]));
    assertEquals(0.6, s.valAcc()[1]);
    assertTrue(Double.isNaN(s.trainLoss()[0]), "missing column");
  }

  @Test
  void malformedCsvNumberNamesFileAndLine() throws IOException {
    Path f = write("step,epoch,train_loss,val_loss\n1,0,0.5,x\n");
    IOException e = assertThrows(IOException.class, () -> StepSeries.read(f));
    assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("'x'"), e.getMessage());
  }

  @Test
  void bandIsMeanAndSampleStdAcrossSeedsAlignedOnX() {
    Band b =
        Band.across(
            "v",
            List.of(
                new Band.Curve(new double[] {0, 1, 2}, new double[] {1, 2, 3}),
                new Band.Curve(new double[] {1, 2}, new double[] {4, Double.NaN})),
            100);
    assertArrayEquals(new double[] {0, 1, 2}, b.x());
    assertArrayEquals(new double[] {1, 3, 3}, b.mean(), 1e-12);
    assertArrayEquals(new double[] {0, Math.sqrt(2), 0}, b.sd(), 1e-12);
    assertEquals(2, b.seeds());
  }

  @Test
  void longCurvesAreBinnedToTheRequestedResolution() {
    double[] x = new double[1000];
    double[] y = new double[1000];
    for (int i = 0; i < 1000; i++) {
      x[i] = i;
      y[i] = i;
    }
    Band b = Band.across("v", List.of(new Band.Curve(x, y)), 100);
    assertEquals(100, b.x().length);
    assertEquals(4.5, b.mean()[0], 1e-12);
  }

  private Path write(String text) throws IOException {
    Path f = Files.createTempFile(tmp, "metrics", ".csv");
    Files.writeString(f, text);
    return f;
  }
}
