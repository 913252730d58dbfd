package dev.csrlab.growth;

import dev.csrlab.nn.MlpWeights;
import dev.csrlab.nn.OptimizerState;
import java.util.List;

/** TEMPORARY local stub (not committed). */
public record WideningOutcome(MlpWeights weights, OptimizerState state, List<LayerWidening> layers,
    double[] energyScale) {}
