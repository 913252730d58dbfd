package dev.csrlab.ui.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SplitSmootherTest {
  /** Loss 0.5 before widening at step 100, a spike of 3.0 right after, then 0.5 again. */
  private static double[][] spikeAtWidening() {
    int n = 200;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i + 1;
      y[i] = x[i] == 101 ? 3.0 : 0.5;
    }
    return new double[][] {x, y};
  }

  @Test
  void firstPointAfterWideningKeepsItsRawValue() {
    double[][] d = spikeAtWidening();
    double[] s = SplitSmoother.smooth(d[0], d[1], 200, 0.9, 100);
    assertEquals(3.0, s[100], 1e-12, "the shock was smeared by pre-widening points");
  }

  @Test
  void theSpikeDoesNotLeakBeforeTheWidening() {
    double[][] d = spikeAtWidening();
    double[] s = SplitSmoother.smooth(d[0], d[1], 200, 0.9, 100);
    for (int i = 0; i < 100; i++) {
      assertEquals(0.5, s[i], 1e-12, "step " + (i + 1) + " moved");
    }
  }

  @Test
  void withoutTheSplitTheSpikeWouldBeFlattened() {
    double[][] d = spikeAtWidening();
    double[] joined = SplitSmoother.smooth(d[0], d[1], 200, 0.9);
    assertTrue(joined[100] < 1.0, "sanity: a single EMA flattens the spike, got " + joined[100]);
  }

  @Test
  void eachSideIsSmoothed() {
    double[] x = new double[40];
    double[] y = new double[40];
    for (int i = 0; i < 40; i++) {
      x[i] = i + 1;
      y[i] = i % 2 == 0 ? 1 : 0;
    }
    double[] s = SplitSmoother.smooth(x, y, 40, 0.8, 20);
    double spreadBefore = Math.abs(s[18] - s[17]);
    double spreadAfter = Math.abs(s[38] - s[37]);
    assertTrue(spreadBefore < 0.5 && spreadAfter < 0.5, "not smoothed: " + Arrays.toString(s));
  }

  @Test
  void incrementalUpdatesEqualOneShot() {
    double[][] d = spikeAtWidening();
    SplitSmoother inc = new SplitSmoother(0.7, new long[] {100});
    inc.update(d[0], d[1], 50);
    inc.update(d[0], d[1], 120);
    double[] out = Arrays.copyOf(inc.update(d[0], d[1], 200), 200);
    assertArrayEquals(SplitSmoother.smooth(d[0], d[1], 200, 0.7, 100), out, 0);
  }

  @Test
  void zeroWeightIsTheRawCurve() {
    double[][] d = spikeAtWidening();
    assertArrayEquals(d[1], SplitSmoother.smooth(d[0], d[1], 200, 0, 100), 0);
  }

  @Test
  void rejectsAWeightOfOne() {
    assertThrows(IllegalArgumentException.class, () -> new SplitSmoother(1.0, new long[0]));
  }
}
