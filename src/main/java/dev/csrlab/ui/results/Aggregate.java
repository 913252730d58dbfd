package dev.csrlab.ui.results;

import java.util.function.DoubleUnaryOperator;

/** Mean ± sample standard deviation of the finite values among seeds. */
public record Aggregate(double mean, double std, int n) {
  public static Aggregate of(double[] values) {
    double sum = 0;
    int n = 0;
    for (double v : values) {
      if (Double.isFinite(v)) {
        sum += v;
        n++;
      }
    }
    if (n == 0) {
      return new Aggregate(Double.NaN, Double.NaN, 0);
    }
    double mean = sum / n;
    double ss = 0;
    for (double v : values) {
      if (Double.isFinite(v)) {
        ss += (v - mean) * (v - mean);
      }
    }
    return new Aggregate(mean, n > 1 ? Math.sqrt(ss / (n - 1)) : Double.NaN, n);
  }

  /** "mean ± std" with {@code pattern} (e.g. "%.4f"); one seed shows the value; none "—". */
  public String format(String pattern) {
    return format(pattern, x -> x);
  }

  public String format(String pattern, DoubleUnaryOperator scale) {
    return format(pattern, scale, "");
  }

  /** With a unit appended to present values ("97.5 ± 0.2 %"), none to the "—" of no value. */
  public String format(String pattern, DoubleUnaryOperator scale, String unit) {
    if (n == 0) {
      return "—";
    }
    String m = String.format(pattern, scale.applyAsDouble(mean));
    String spread = String.format(pattern.replace("+", ""), Math.abs(scale.applyAsDouble(std)));
    return (n == 1 ? m : m + " ± " + spread) + unit;
  }
}
