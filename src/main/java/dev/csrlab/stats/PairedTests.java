package dev.csrlab.stats;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The small set of tests SPEC §2 asks for: one-sample summaries (mean, sample std, t-interval), the
 * paired t-test, the paired non-inferiority t-test, and the exact sign test. All take the per-seed
 * values or paired differences and never drop NaNs silently: callers pass finite values.
 */
public final class PairedTests {
  private PairedTests() {}

  /** Mean, sample standard deviation (n−1) and two-sided (1−alpha) t-interval of the mean. */
  public record Sample(int n, double mean, double sd, double ciLow, double ciHigh) {}

  /**
   * Result of a paired t-test on differences d = treatment − reference.
   *
   * @param p two-sided p for H0: mean(d) = 0; NaN when n < 2 (no variance estimate)
   */
  public record TTest(
      int n, double mean, double sd, double t, double df, double p, double ciLow, double ciHigh) {}

  /**
   * Paired non-inferiority test on d = treatment − reference with margin δ > 0 (SPEC §2 "≥").
   *
   * @param p one-sided p for H0: mean(d) ≤ −δ (rejecting it shows non-inferiority)
   * @param pInferior one-sided p for H0: mean(d) ≥ −δ (rejecting it shows inferiority)
   * @param lowerBound one-sided (1−alpha) lower confidence bound of mean(d)
   * @param upperBound one-sided (1−alpha) upper confidence bound of mean(d)
   */
  public record NonInferiorityTest(
      int n,
      double mean,
      double sd,
      double margin,
      double t,
      double p,
      double pInferior,
      double lowerBound,
      double upperBound) {}

  public static Sample describe(double[] x, double alpha) {
    int n = x.length;
    double mean = mean(x);
    double sd = sampleSd(x, mean);
    if (n < 2) {
      return new Sample(n, mean, sd, Double.NaN, Double.NaN);
    }
    double half = tQuantile(1 - alpha / 2, n - 1) * sd / Math.sqrt(n);
    return new Sample(n, mean, sd, mean - half, mean + half);
  }

  /**
   * Two-sided paired t-test. With zero spread (all differences equal) the difference is
   * deterministic: p = 0 if it is non-zero, 1 if it is zero, and the interval collapses to it.
   */
  public static TTest paired(double[] d, double alpha) {
    int n = d.length;
    double mean = mean(d);
    double sd = sampleSd(d, mean);
    if (n < 2) {
      return new TTest(n, mean, sd, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    int df = n - 1;
    double se = sd / Math.sqrt(n);
    if (se == 0) {
      double t = mean == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, mean);
      return new TTest(n, mean, sd, t, df, mean == 0 ? 1 : 0, mean, mean);
    }
    double t = mean / se;
    double p = Math.min(1, 2 * tCdf(-Math.abs(t), df));
    double half = tQuantile(1 - alpha / 2, df) * se;
    return new TTest(n, mean, sd, t, df, p, mean - half, mean + half);
  }

  /**
   * One-sided paired test against margin δ: t = (mean(d) + δ) / (sd/√n), df = n − 1. Non-inferior
   * when p &lt; alpha, equivalently when the one-sided lower bound exceeds −δ.
   */
  public static NonInferiorityTest nonInferiority(double[] d, double margin, double alpha) {
    if (!(margin >= 0)) {
      throw new IllegalArgumentException(
          "non-inferiority margin must be >= 0 percentage points, got " + margin);
    }
    int n = d.length;
    double mean = mean(d);
    double sd = sampleSd(d, mean);
    if (n < 2) {
      return new NonInferiorityTest(
          n, mean, sd, margin, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    int df = n - 1;
    double se = sd / Math.sqrt(n);
    double shifted = mean + margin;
    if (se == 0) {
      // Deterministic difference: decided by its sign relative to the margin; on it, neither.
      double pNi = shifted > 0 ? 0 : 1;
      double pInf = shifted < 0 ? 0 : 1;
      double t = shifted == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, shifted);
      return new NonInferiorityTest(n, mean, sd, margin, t, pNi, pInf, mean, mean);
    }
    double t = shifted / se;
    double q = tQuantile(1 - alpha, df) * se;
    return new NonInferiorityTest(
        n, mean, sd, margin, t, tCdf(-t, df), tCdf(t, df), mean - q, mean + q);
  }

  /**
   * Exact two-sided sign test: p = min(1, 2·P(X ≤ min(wins, losses))), X ~ Bin(wins+losses, ½).
   * Ties are excluded, as usual; with no informative pair there is no evidence either way: p = 1.
   */
  public static double signTest(int wins, int losses) {
    int m = wins + losses;
    if (m == 0) {
      return 1.0;
    }
    BinomialDistribution b = new BinomialDistribution(null, m, 0.5);
    return Math.min(1.0, 2 * b.cumulativeProbability(Math.min(wins, losses)));
  }

  /**
   * Approximate smallest true mean paired difference a two-sided paired t-test at level alpha
   * detects with the given power: (t_{1−α/2,n−1} + t_{power,n−1})·sd/√n (the usual shifted-central
   * approximation of the noncentral t; slightly optimistic for very small n). NaN when n &lt; 2.
   */
  public static double minimumDetectable(int n, double sd, double alpha, double power) {
    if (n < 2 || !Double.isFinite(sd)) {
      return Double.NaN;
    }
    int df = n - 1;
    return (tQuantile(1 - alpha / 2, df) + tQuantile(power, df)) * sd / Math.sqrt(n);
  }

  /** Same approximation for a one-sided test (non-inferiority): (t_{1−α} + t_{power})·sd/√n. */
  public static double minimumDetectableOneSided(int n, double sd, double alpha, double power) {
    if (n < 2 || !Double.isFinite(sd)) {
      return Double.NaN;
    }
    int df = n - 1;
    return (tQuantile(1 - alpha, df) + tQuantile(power, df)) * sd / Math.sqrt(n);
  }

  static double mean(double[] x) {
    if (x.length == 0) {
      return Double.NaN;
    }
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  static double sampleSd(double[] x, double mean) {
    if (x.length < 2) {
      return Double.NaN;
    }
    double ss = 0;
    for (double v : x) {
      ss += (v - mean) * (v - mean);
    }
    return Math.sqrt(ss / (x.length - 1));
  }

  static double tCdf(double t, int df) {
    if (Double.isInfinite(t)) {
      return t > 0 ? 1 : 0;
    }
    return new TDistribution(null, df).cumulativeProbability(t);
  }

  static double tQuantile(double prob, int df) {
    return new TDistribution(null, df).inverseCumulativeProbability(prob);
  }
}
