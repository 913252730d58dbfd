package dev.csrlab.growth;

import dev.csrlab.nn.MlpWeights;
import dev.csrlab.nn.OptimizerState;
import java.util.List;

/**
 * The widened model and what happened to each hidden layer.
 *
 * @param state the transferred optimizer state, or null when none was given
 * @param layers one entry per hidden layer, input to output, unchanged layers included
 * @param energyScale per hidden layer, the scalar c applied to the outgoing weights: n/m for {@code
 *     ratio}, the fitted value for {@code fitted}, 1 for {@code none}, zero-outgoing and unchanged
 *     layers; NaN where the correction is not one scalar ({@code pinv}, Net2Net's per-unit 1/k)
 */
public record WideningOutcome(
    MlpWeights weights, OptimizerState state, List<LayerWidening> layers, double[] energyScale) {
  public WideningOutcome {
    layers = List.copyOf(layers);
  }
}
