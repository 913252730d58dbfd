package dev.csrlab.nn;

/**
 * AdamW state that we own (SPEC §1.3): first and second moments in the weights' own layout, and the
 * update count of each tensor (weights and biases separately, so the {@code reset} policy can
 * restart bias correction for widened tensors only).
 */
public record OptimizerState(
    MlpWeights expAvg, MlpWeights expAvgSq, long[] weightSteps, long[] biasSteps) {

  public static OptimizerState zeros(MlpWeights like) {
    int n = like.layers().size();
    return new OptimizerState(like.zerosLike(), like.zerosLike(), new long[n], new long[n]);
  }

  public OptimizerState copy() {
    return new OptimizerState(
        expAvg.copy(), expAvgSq.copy(), weightSteps.clone(), biasSteps.clone());
  }
}
