package dev.csrlab.ui.chart;

/**
 * Min/max-per-bucket downsampling: the visible index range is cut into {@code buckets} equal
 * slices and each slice keeps only its lowest and highest point, in step order. A 50k-step curve
 * becomes ~2k points that draw at frame rate, and — unlike averaging or striding — a one-step
 * loss spike at widening always survives, because it is the maximum of its bucket.
 */
public final class Downsampler {
  private Downsampler() {}

  /**
   * Points of (x, y)[0..size) within [lo, hi] (plus one neighbour on each side so the line
   * reaches the plot edges), at most {@code 2·buckets + 2} of them. NaN y values are skipped.
   * x must be ascending.
   */
  public static Points minMax(double[] x, double[] y, int size, double lo, double hi, int buckets) {
    if (size == 0 || buckets < 1) {
      return Points.EMPTY;
    }
    int from = Math.max(0, lowerBound(x, size, lo) - 1);
    int to = Math.min(size - 1, upperBound(x, size, hi));
    if (to < from) {
      return Points.EMPTY;
    }
    int count = to - from + 1;
    double[] ox = new double[Math.min(count, 2 * buckets + 2)];
    double[] oy = new double[ox.length];
    if (count <= 2 * buckets + 2) {
      return copy(x, y, from, count, ox, oy);
    }
    int n = 0;
    n = put(x, y, from, ox, oy, n);
    for (int b = 0; b < buckets; b++) {
      int start = from + 1 + (int) ((long) b * (count - 2) / buckets);
      int end = from + 1 + (int) ((long) (b + 1) * (count - 2) / buckets);
      int iMin = -1;
      int iMax = -1;
      for (int i = start; i < end; i++) {
        if (Double.isNaN(y[i])) {
          continue;
        }
        if (iMin < 0 || y[i] < y[iMin]) {
          iMin = i;
        }
        if (iMax < 0 || y[i] > y[iMax]) {
          iMax = i;
        }
      }
      if (iMin >= 0) {
        n = put(x, y, Math.min(iMin, iMax), ox, oy, n);
        if (iMax != iMin) {
          n = put(x, y, Math.max(iMin, iMax), ox, oy, n);
        }
      }
    }
    n = put(x, y, to, ox, oy, n);
    return new Points(ox, oy, n);
  }

  private static Points copy(double[] x, double[] y, int from, int count, double[] ox,
      double[] oy) {
    System.arraycopy(x, from, ox, 0, count);
    System.arraycopy(y, from, oy, 0, count);
    return new Points(ox, oy, count);
  }

  private static int put(double[] x, double[] y, int i, double[] ox, double[] oy, int n) {
    ox[n] = x[i];
    oy[n] = y[i];
    return n + 1;
  }

  /** First index with x ≥ v (size if none). */
  static int lowerBound(double[] x, int size, double v) {
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (x[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** First index with x > v (size if none). */
  static int upperBound(double[] x, int size, double v) {
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (x[mid] <= v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
