package dev.csrlab.growth;

import java.util.function.DoubleUnaryOperator;

/**
 * The {@code fitted} energy option (SPEC §1.2 step 3): the single outgoing scale c that minimises
 * the loss on one training batch. The loss in c need not be unimodal, so a coarse grid over [0, hi]
 * finds the best cell first, then golden-section search refines inside its neighbours. Extra
 * candidates (the ratio n/m and 1) are tried too, so the fitted c never does worse on its batch
 * than those fixed rules.
 */
public final class EnergyFit {
  static final int GRID_POINTS = 11;
  static final int GOLDEN_STEPS = 30;
  private static final double INV_PHI = (Math.sqrt(5) - 1) / 2;

  private EnergyFit() {}

  /** The c in [0, hi] (or a candidate) with the lowest loss found by grid + golden section. */
  public static double minimise(DoubleUnaryOperator loss, double hi, double... candidates) {
    if (!(hi > 0) || !Double.isFinite(hi)) {
      throw new IllegalArgumentException("fitted energy needs a positive search range, got " + hi);
    }
    double step = hi / (GRID_POINTS - 1);
    int best = 0;
    double bestLoss = Double.POSITIVE_INFINITY;
    for (int i = 0; i < GRID_POINTS; i++) {
      double v = loss.applyAsDouble(i * step);
      if (v < bestLoss) {
        bestLoss = v;
        best = i;
      }
    }
    double a = Math.max(0, (best - 1) * step);
    double b = Math.min(hi, (best + 1) * step);
    double x1 = b - INV_PHI * (b - a);
    double x2 = a + INV_PHI * (b - a);
    double f1 = loss.applyAsDouble(x1);
    double f2 = loss.applyAsDouble(x2);
    for (int it = 0; it < GOLDEN_STEPS; it++) {
      if (f1 <= f2) {
        b = x2;
        x2 = x1;
        f2 = f1;
        x1 = b - INV_PHI * (b - a);
        f1 = loss.applyAsDouble(x1);
      } else {
        a = x1;
        x1 = x2;
        f1 = f2;
        x2 = a + INV_PHI * (b - a);
        f2 = loss.applyAsDouble(x2);
      }
    }
    double bestC = best * step;
    // Keep the grid point if refinement found nothing better (a kink or a flat loss).
    if (Math.min(f1, f2) <= bestLoss) {
      bestC = f1 <= f2 ? x1 : x2;
      bestLoss = Math.min(f1, f2);
    }
    for (double c : candidates) {
      double v = loss.applyAsDouble(c);
      if (v < bestLoss) {
        bestLoss = v;
        bestC = c;
      }
    }
    return bestC;
  }
}
