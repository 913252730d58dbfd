package dev.csrlab.train;

/**
 * A scalar that is not part of the per-step stream: {@code Metric/Peak_Shock}, {@code
 * Metric/Excess_Loss_Area}, {@code Metric/Recovery_Steps}, {@code Accuracy/Test}, {@code
 * Loss/Test}… The tag is the TensorBoard tag of SPEC §2.
 */
public record MetricEvent(RunKey key, String tag, long step, double value) {}
