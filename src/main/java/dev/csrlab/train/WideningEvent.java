package dev.csrlab.train;

import dev.csrlab.growth.LayerWidening;
import dev.csrlab.nn.MlpWeights;
import java.util.List;

/**
 * The model was widened after update {@code step} (SPEC §2). Before/after are measured on the full
 * validation split; the "after" model is the widened one before any new update.
 *
 * @param trigger which trigger fired, e.g. "epoch 3", "threshold 0.15", "fallback step 1400"
 * @param functionError mean |logit change| over the full split
 * @param functionKl mean KL(before ‖ after) over the full split
 * @param subsetValLossBefore subset val loss of the before model (the reference of peak shock)
 * @param subsetValAccBefore subset val accuracy of the before model (the reference of recovery)
 * @param energyScale per widened layer, the outgoing factor c used (n/m, fitted value, or NaN)
 * @param modelBefore the small model's weights at N (for unit inspection: layer-1 incoming rows are
 *     28×28 images), or null when not available
 */
public record WideningEvent(
    RunKey key,
    long step,
    String trigger,
    double valLossBefore,
    double valLossAfter,
    double valAccBefore,
    double valAccAfter,
    double functionError,
    double functionKl,
    double subsetValLossBefore,
    double subsetValAccBefore,
    List<LayerWidening> layers,
    double[] energyScale,
    MlpWeights modelBefore) {

  /** {@code Metric/Expansion_Shock} = Val_Loss_After − Val_Loss_Before (full split). */
  public double shock() {
    return valLossAfter - valLossBefore;
  }
}
