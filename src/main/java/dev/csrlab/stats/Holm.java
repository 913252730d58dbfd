package dev.csrlab.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm's step-down correction (Holm 1979), which controls the family-wise error rate without
 * assuming independence. Sorted ascending, p_(i) becomes max over j ≤ i of min(1, (m−j+1)·p_(j));
 * the running maximum keeps the adjusted values monotone in the raw ones.
 */
public final class Holm {
  private Holm() {}

  /**
   * Adjusted p-values aligned with the input. NaN entries (tests that could not be run, e.g. one
   * seed) are not part of the family and stay NaN; m counts only the finite ones.
   */
  public static double[] adjust(double[] p) {
    double[] out = new double[p.length];
    Arrays.fill(out, Double.NaN);
    Integer[] order =
        IntStream.range(0, p.length)
            .filter(i -> !Double.isNaN(p[i]))
            .boxed()
            .sorted(Comparator.comparingDouble(i -> p[i]))
            .toArray(Integer[]::new);
    int m = order.length;
    double running = 0;
    for (int rank = 0; rank < m; rank++) {
      int i = order[rank];
      if (p[i] < 0 || p[i] > 1) {
        throw new IllegalArgumentException("p-value out of [0,1] at index " + i + ": " + p[i]);
      }
      running = Math.max(running, Math.min(1.0, (m - rank) * p[i]));
      out[i] = running;
    }
    return out;
  }
}
