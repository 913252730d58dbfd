package dev.csrlab.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HolmTest {
  /*
   * p = [0.01, 0.04, 0.03, 0.005], m = 4. Sorted: 0.005·4 = 0.02, 0.01·3 = 0.03, 0.03·2 = 0.06,
   * 0.04·1 = 0.04 → running max 0.06. Back in input order: [0.03, 0.06, 0.06, 0.02].
   */
  @Test
  void adjustsInStepDownOrderAndRestoresInputOrder() {
    assertArrayEquals(
        new double[] {0.03, 0.06, 0.06, 0.02},
        Holm.adjust(new double[] {0.01, 0.04, 0.03, 0.005}),
        1e-12);
  }

  @Test
  void capsAtOneAndLeavesASingleTestUnchanged() {
    assertArrayEquals(new double[] {1.0, 1.0}, Holm.adjust(new double[] {0.6, 0.7}), 1e-12);
    assertArrayEquals(new double[] {0.2}, Holm.adjust(new double[] {0.2}), 1e-12);
  }

  @Test
  void untestableEntriesAreOutsideTheFamily() {
    double[] a = Holm.adjust(new double[] {0.01, Double.NaN, 0.04});
    assertEquals(0.02, a[0], 1e-12);
    assertTrue(Double.isNaN(a[1]));
    assertEquals(0.04, a[2], 1e-12);
  }

  @Test
  void adjustedValuesAreMonotoneInRawValuesAndNeverSmaller() {
    Random rnd = new Random(7);
    for (int trial = 0; trial < 200; trial++) {
      double[] p = new double[1 + rnd.nextInt(8)];
      for (int i = 0; i < p.length; i++) {
        p[i] = rnd.nextDouble() * (rnd.nextBoolean() ? 0.1 : 1);
      }
      double[] a = Holm.adjust(p);
      for (int i = 0; i < p.length; i++) {
        assertTrue(a[i] >= p[i] && a[i] <= 1.0);
        for (int j = 0; j < p.length; j++) {
          if (p[i] < p[j]) {
            assertTrue(a[i] <= a[j], "monotone: p" + i + " < p" + j);
          }
        }
      }
    }
  }
}
