package dev.csrlab.stats;

import java.math.BigDecimal;
import java.math.MathContext;

/** Plain-text numbers for verdict sentences and report tables: 4 significant digits, no noise. */
public final class Numbers {
  private Numbers() {}

  /** 4 significant digits, trailing zeros dropped; NaN as "n/a", infinities as "∞"/"−∞". */
  public static String format(double x) {
    return format(x, 4);
  }

  public static String format(double x, int digits) {
    if (Double.isNaN(x)) {
      return "n/a";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "∞" : "−∞";
    }
    if (x == 0) {
      return "0";
    }
    BigDecimal d = new BigDecimal(x).round(new MathContext(digits)).stripTrailingZeros();
    double abs = Math.abs(x);
    return abs >= 1e-4 && abs < 1e9 ? d.toPlainString() : d.toString();
  }

  /** p-values: "< 0.001" below that, else 2 significant digits. */
  public static String p(double p) {
    if (Double.isNaN(p)) {
      return "n/a";
    }
    return p < 0.001 ? "< 0.001" : format(p, 2);
  }

  /** For sentences: "= 0.031" or "< 0.001", to follow a "p". */
  public static String pClause(double p) {
    return Double.isNaN(p) || p >= 0.001 ? "= " + p(p) : p(p);
  }
}
