package dev.csrlab.growth;

import dev.csrlab.config.Options.OptimizerPolicy;
import dev.csrlab.nn.DenseLayer;
import dev.csrlab.nn.MlpWeights;
import dev.csrlab.nn.OptimizerState;

/**
 * Carries AdamW's moments across the widening of one hidden layer (SPEC §1.3). The layer's weights
 * were changed by an incoming map M ({@code W_l' = M·W_l}, {@code b_l' = M·b_l}) and an outgoing
 * map N ({@code W_{l+1}' = W_{l+1}·Nᵀ}; N = c·M for ratio/fitted/none, (M⁺)ᵀ for pinv, copies
 * divided by k for Net2Net). Any permutation is already inside M and N, so the state is permuted
 * with the weights.
 *
 * <ul>
 *   <li>{@code resample}: m and v mapped exactly like the weights (M on rows, N on columns,
 *       including the outgoing c). For v this is a linear combination of second moments, which is
 *       what the request asks for, not the second moment of the combined gradient; it is clamped at
 *       0 because pinv's N has negative entries.
 *   <li>{@code consistent}: moments follow the gradients. Outgoing gradients δ·h'ᵀ do not see the
 *       outgoing scale, so outgoing m, v are mapped by the unscaled M; the back-propagated signal
 *       into new unit i is scaled by f_i = Σ_k N[i,k] / Σ_k M[i,k] (c for a scalar energy, 1/k_j
 *       for Net2Net, the row sum of (M⁺)ᵀ for pinv), so incoming m gets f_i and v gets f_i².
 *   <li>{@code reset}: zero moments and step counter 0 (fresh bias correction) for W_l, b_l and
 *       W_{l+1}; b_{l+1} is not widened and keeps its state.
 * </ul>
 *
 * Step counters are kept except under reset.
 */
public final class OptimizerStateTransfer {
  private OptimizerStateTransfer() {}

  /**
   * The state after widening hidden layer {@code layer + 1}.
   *
   * @param layer index of the incoming Linear layer (hidden h is the output of layer h−1)
   */
  public static OptimizerState transfer(
      OptimizerState s, int layer, UnitMap incoming, UnitMap outgoing, OptimizerPolicy policy) {
    DenseLayer m1 = s.expAvg().layers().get(layer);
    DenseLayer m2 = s.expAvg().layers().get(layer + 1);
    DenseLayer v1 = s.expAvgSq().layers().get(layer);
    DenseLayer v2 = s.expAvgSq().layers().get(layer + 1);
    long[] weightSteps = s.weightSteps().clone();
    long[] biasSteps = s.biasSteps().clone();
    MlpWeights m;
    MlpWeights v;
    switch (policy) {
      case RESAMPLE -> {
        m =
            replace(
                s.expAvg(),
                layer,
                incoming.applyToRows(m1, false),
                outgoing.applyToColumns(m2, false));
        v =
            replace(
                s.expAvgSq(),
                layer,
                incoming.applyToRows(v1, true),
                outgoing.applyToColumns(v2, true));
      }
      case CONSISTENT -> {
        double[] f = gradientFactors(incoming, outgoing);
        double[] f2 = new double[f.length];
        for (int i = 0; i < f.length; i++) {
          f2[i] = f[i] * f[i];
        }
        m =
            replace(
                s.expAvg(),
                layer,
                incoming.rowsScaled(f).applyToRows(m1, false),
                incoming.applyToColumns(m2, false));
        v =
            replace(
                s.expAvgSq(),
                layer,
                incoming.rowsScaled(f2).applyToRows(v1, true),
                incoming.applyToColumns(v2, true));
      }
      case RESET -> {
        m = replace(s.expAvg(), layer, zeroRows(m1, incoming.to()), zeroColumns(m2, incoming.to()));
        v =
            replace(
                s.expAvgSq(), layer, zeroRows(v1, incoming.to()), zeroColumns(v2, incoming.to()));
        weightSteps[layer] = 0;
        biasSteps[layer] = 0;
        weightSteps[layer + 1] = 0;
      }
      default -> throw new IllegalArgumentException("unknown optimizer policy " + policy);
    }
    return new OptimizerState(m, v, weightSteps, biasSteps);
  }

  /** f_i = Σ_k N[i,k] / Σ_k M[i,k]: the scale of the back-propagated signal into new unit i. */
  static double[] gradientFactors(UnitMap incoming, UnitMap outgoing) {
    double[] f = new double[incoming.to()];
    for (int i = 0; i < f.length; i++) {
      double in = incoming.rowSum(i);
      f[i] = in == 0 ? 0 : outgoing.rowSum(i) / in;
    }
    return f;
  }

  private static MlpWeights replace(MlpWeights w, int layer, DenseLayer rows, DenseLayer cols) {
    return Widening.replacePair(w, layer, rows, cols);
  }

  private static DenseLayer zeroRows(DenseLayer like, int m) {
    return DenseLayer.zeros(m, like.inFeatures());
  }

  private static DenseLayer zeroColumns(DenseLayer like, int m) {
    return new DenseLayer(
        like.outFeatures(), m, new float[like.outFeatures() * m], like.bias().clone());
  }
}
