package dev.csrlab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Mean ± sample std across seeds of one variant's curve, aligned on x (a step, a step relative to
 * widening, or cumulative FLOPs). Points with a single seed get std 0. Long curves are averaged
 * into at most {@code maxPoints} bins so a 4,000-step run draws as a readable line.
 */
public record Band(String label, double[] x, double[] mean, double[] sd, int seeds) {

  /** One seed's curve. */
  public record Curve(double[] x, double[] y) {}

  public static Band across(String label, List<Curve> curves, int maxPoints) {
    TreeMap<Double, double[]> acc = new TreeMap<>(); // x → {n, sum, sumSq}
    for (Curve c : curves) {
      for (int i = 0; i < c.x().length; i++) {
        double y = c.y()[i];
        if (Double.isFinite(y) && Double.isFinite(c.x()[i])) {
          double[] a = acc.computeIfAbsent(c.x()[i], k -> new double[3]);
          a[0]++;
          a[1] += y;
          a[2] += y * y;
        }
      }
    }
    List<double[]> points = new ArrayList<>(); // {x, mean, sd}
    for (Map.Entry<Double, double[]> e : acc.entrySet()) {
      double[] a = e.getValue();
      double mean = a[1] / a[0];
      double var = a[0] > 1 ? Math.max(0, (a[2] - a[0] * mean * mean) / (a[0] - 1)) : 0;
      points.add(new double[] {e.getKey(), mean, Math.sqrt(var)});
    }
    List<double[]> binned = bin(points, maxPoints);
    int n = binned.size();
    double[] x = new double[n];
    double[] m = new double[n];
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = binned.get(i)[0];
      m[i] = binned.get(i)[1];
      s[i] = binned.get(i)[2];
    }
    return new Band(label, x, m, s, curves.size());
  }

  private static List<double[]> bin(List<double[]> points, int maxPoints) {
    if (points.size() <= maxPoints) {
      return points;
    }
    List<double[]> out = new ArrayList<>();
    int per = (int) Math.ceil(points.size() / (double) maxPoints);
    for (int start = 0; start < points.size(); start += per) {
      int end = Math.min(points.size(), start + per);
      double[] sum = new double[3];
      for (int i = start; i < end; i++) {
        for (int k = 0; k < 3; k++) {
          sum[k] += points.get(i)[k];
        }
      }
      for (int k = 0; k < 3; k++) {
        sum[k] /= end - start;
      }
      out.add(sum);
    }
    return out;
  }
}
