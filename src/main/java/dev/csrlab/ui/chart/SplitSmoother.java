package dev.csrlab.ui.chart;

import java.util.Arrays;

/**
 * TensorBoard's debiased exponential moving average, restarted after every widening step. A
 * single EMA across step N would drag the pre-widening loss into the post-widening points and
 * flatten the very shock the lab measures; restarting makes the first point after N exactly its
 * raw value. Being causal, the EMA never pulls the spike backwards into steps ≤ N either.
 *
 * <p>Incremental: {@link #update} only smooths points appended since the last call, so a live
 * 50k-step curve costs O(new points) per frame.
 */
public final class SplitSmoother {
  private final double weight;
  private final long[] breaks;
  private double[] out = new double[0];
  private int done;
  private int segment = -1;
  private double last;
  private int accumulated;

  /**
   * @param weight 0 (no smoothing) … <1 (heavier)
   * @param breaks widening steps N: points with x ≤ N and x > N are smoothed separately
   */
  public SplitSmoother(double weight, long[] breaks) {
    if (!(weight >= 0 && weight < 1)) {
      throw new IllegalArgumentException("smoothing weight must be in [0, 1), got " + weight);
    }
    this.weight = weight;
    this.breaks = breaks.clone();
    Arrays.sort(this.breaks);
  }

  public boolean sameSettings(double w, long[] b) {
    long[] sorted = b.clone();
    Arrays.sort(sorted);
    return w == weight && Arrays.equals(sorted, breaks);
  }

  /** One-shot smoothing of (x, y)[0..size). */
  public static double[] smooth(double[] x, double[] y, int size, double weight, long... breaks) {
    return Arrays.copyOf(new SplitSmoother(weight, breaks).update(x, y, size), size);
  }

  /** Smoothed values of the first {@code size} points (the returned array may be longer). */
  public double[] update(double[] x, double[] y, int size) {
    if (size < done) {
      done = 0;
      segment = -1;
    }
    if (out.length < size) {
      out = Arrays.copyOf(out, Math.max(size, out.length * 2));
    }
    for (int i = done; i < size; i++) {
      int seg = segmentOf(x[i]);
      if (seg != segment) {
        segment = seg;
        last = 0;
        accumulated = 0;
      }
      if (Double.isNaN(y[i]) || weight == 0) {
        out[i] = y[i];
        continue;
      }
      last = last * weight + (1 - weight) * y[i];
      accumulated++;
      out[i] = last / (1 - Math.pow(weight, accumulated));
    }
    done = size;
    return out;
  }

  private int segmentOf(double x) {
    int s = 0;
    while (s < breaks.length && x > breaks[s]) {
      s++;
    }
    return s;
  }
}
