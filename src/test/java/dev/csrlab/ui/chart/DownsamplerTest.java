package dev.csrlab.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DownsamplerTest {
  private static double[] steps(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i + 1;
    }
    return x;
  }

  @Test
  void fiftyThousandPointsBecomeAboutTwoThousand() {
    int n = 50_000;
    double[] x = steps(n);
    double[] y = new double[n];
    Random r = new Random(1);
    for (int i = 0; i < n; i++) {
      y[i] = Math.exp(-i / 5000.0) + 0.05 * r.nextGaussian();
    }
    Points p = Downsampler.minMax(x, y, n, 1, n, 1000);
    assertTrue(p.size() > 1900 && p.size() <= 2002, "got " + p.size());
  }

  @Test
  void keepsTheMinimumAndMaximumOfEveryBucket() {
    int n = 50_000;
    int buckets = 1000;
    double[] x = steps(n);
    double[] y = new double[n];
    Random r = new Random(7);
    for (int i = 0; i < n; i++) {
      y[i] = r.nextDouble();
    }
    Points p = Downsampler.minMax(x, y, n, 1, n, buckets);
    // Every bucket's true extremes (computed independently here) must be among the output points.
    int interior = n - 2;
    for (int b = 0; b < buckets; b++) {
      int start = 1 + (int) ((long) b * interior / buckets);
      int end = 1 + (int) ((long) (b + 1) * interior / buckets);
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (int i = start; i < end; i++) {
        lo = Math.min(lo, y[i]);
        hi = Math.max(hi, y[i]);
      }
      assertTrue(contains(p, lo) && contains(p, hi), "bucket " + b + " lost an extreme");
    }
  }

  @Test
  void aOneStepSpikeSurvives() {
    int n = 50_000;
    double[] x = steps(n);
    double[] y = new double[n];
    java.util.Arrays.fill(y, 0.3);
    y[23_456] = 5.0;
    Points p = Downsampler.minMax(x, y, n, 1, n, 500);
    boolean found = false;
    for (int i = 0; i < p.size(); i++) {
      found |= p.x()[i] == 23_457 && p.y()[i] == 5.0;
    }
    assertTrue(found, "the spike at step 23457 was dropped");
  }

  @Test
  void outputIsInStepOrderAndCoversTheVisibleRange() {
    int n = 20_000;
    double[] x = steps(n);
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = Math.sin(i / 30.0);
    }
    Points p = Downsampler.minMax(x, y, n, 5_000, 6_000, 100);
    for (int i = 1; i < p.size(); i++) {
      assertTrue(p.x()[i] > p.x()[i - 1], "not ascending at " + i);
    }
    assertTrue(p.x()[0] <= 5_000 && p.x()[p.size() - 1] >= 6_000, "edges not reached");
    assertTrue(p.x()[0] >= 4_999 && p.x()[p.size() - 1] <= 6_001, "too far outside the range");
  }

  @Test
  void smallInputsPassThroughUnchanged() {
    double[] x = {1, 2, 3, 4};
    double[] y = {4, 3, 2, 1};
    Points p = Downsampler.minMax(x, y, 4, 0, 10, 100);
    assertEquals(4, p.size());
    assertEquals(1.0, p.y()[3]);
  }

  @Test
  void nanValuesAreSkipped() {
    int n = 10_000;
    double[] x = steps(n);
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % 2 == 0 ? Double.NaN : i;
    }
    Points p = Downsampler.minMax(x, y, n, 1, n, 100);
    for (int i = 1; i < p.size() - 1; i++) {
      assertTrue(!Double.isNaN(p.y()[i]), "NaN kept at " + i);
    }
  }

  private static boolean contains(Points p, double v) {
    for (int i = 0; i < p.size(); i++) {
      if (p.y()[i] == v) {
        return true;
      }
    }
    return false;
  }
}
