package dev.csrlab.growth;

import dev.csrlab.config.VariantSpec;
import dev.csrlab.nn.MlpWeights;
import dev.csrlab.nn.OptimizerState;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** TEMPORARY local stub (not committed). */
public final class Widening {
  public static WideningOutcome widen(MlpWeights w, OptimizerState s, List<Integer> t,
      VariantSpec v, long seed, ToDoubleFunction<MlpWeights> f) {
    throw new UnsupportedOperationException();
  }
}
