package dev.csrlab.train;

/**
 * Subscriber to the training loop (console, CSV, TensorBoard, GUI). Adding a sink touches no
 * training code. Calls come from the training thread, in order; a listener must be quick (the GUI
 * queues and batches) and must not throw for expected conditions.
 */
public interface TrainingListener {
  default void onRunStart(RunStarted e) {}

  default void onStep(StepEvent e) {}

  default void onEpochEnd(EpochEvent e) {}

  default void onWidening(WideningEvent e) {}

  default void onMetric(MetricEvent e) {}

  default void onRunEnd(RunFinished e) {}
}
