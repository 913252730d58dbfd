package dev.csrlab.ui.session;

import dev.csrlab.growth.LayerWidening;
import dev.csrlab.train.WideningEvent;
import java.util.List;

/**
 * What the GUI shows about one widening, whether it came live from a {@link WideningEvent} or
 * was read back from a run directory (then only some fields are known; absent numbers are NaN).
 *
 * @param incomingWeights per layer (same order as {@code layers}), the small model's incoming
 *     weights row-major [unit][input] before seriation, or {@code null} when the source does not
 *     carry them (the engine's WideningEvent does not, yet)
 */
public record WideningInfo(
    long step,
    String trigger,
    double shock,
    double functionError,
    List<LayerWidening> layers,
    List<float[]> incomingWeights) {

  public WideningInfo {
    layers = List.copyOf(layers);
  }

  public static WideningInfo of(WideningEvent e) {
    return new WideningInfo(e.step(), e.trigger(), e.shock(), e.functionError(), e.layers(), null);
  }

  /** Incoming weights of layer index {@code i} (0-based in {@link #layers()}), or null. */
  public float[] incomingWeights(int i) {
    return incomingWeights == null || i >= incomingWeights.size() ? null : incomingWeights.get(i);
  }
}
