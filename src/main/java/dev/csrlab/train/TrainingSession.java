package dev.csrlab.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.training.GradientCollector;
import dev.csrlab.config.ExperimentConfig;
import dev.csrlab.nn.AdamW;
import dev.csrlab.nn.Mlp;
import dev.csrlab.nn.MlpWeights;
import dev.csrlab.nn.OptimizerState;

/**
 * One model being trained: its parameters, its AdamW state and its step count. A step is one batch
 * of the seed's data order; everything a step allocates lives in an {@link NDScope} and is freed
 * when the step ends (unscoped training leaks ~900 MB per epoch, STACK.md).
 */
public final class TrainingSession implements AutoCloseable {
  private final Mlp model;
  private final AdamW optimizer;
  private final ExperimentConfig config;
  private long step;

  /** Scalars of one update, read from the device in a single host sync. */
  public record StepValues(double trainLoss, double valLoss, double valAcc, int batch) {}

  public TrainingSession(
      DeviceData data, ExperimentConfig config, MlpWeights w, OptimizerState state, long step) {
    this.config = config;
    this.model = Mlp.of(data.manager(), w, config.activation());
    this.optimizer =
        new AdamW(model, config.beta1(), config.beta2(), config.eps(), config.weightDecay(), state);
    this.step = step;
  }

  /** Update {@code step + 1}: one AdamW step on the next batch, then subset validation. */
  public StepValues trainStep(DeviceData data, BatchOrder order, long stepsPerEpoch) {
    long s = step + 1;
    int epoch = (int) ((s - 1) / stepsPerEpoch) + 1;
    int batchIndex = (int) ((s - 1) % stepsPerEpoch);
    int n = data.train().size();
    int from = batchIndex * config.batchSize();
    int to = Math.min(n, from + config.batchSize());
    long[] perm = order.epoch(epoch);
    float[] values;
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      NDArray idx = data.manager().create(java.util.Arrays.copyOfRange(perm, from, to));
      NDArray x = data.train().x().get(idx);
      NDArray y = data.train().y().get(idx);
      NDArray loss;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        loss = Evaluator.crossEntropy(model.forward(x), y);
        gc.backward(loss);
      }
      optimizer.step(config.lr());
      NDArray val =
          Evaluator.lossAndCorrect(model.forward(data.valSubset().x()), data.valSubset().y());
      values = loss.reshape(1).concat(val).toFloatArray();
    }
    step = s;
    return new StepValues(values[0], values[1], values[2] / data.valSubset().size(), to - from);
  }

  /**
   * Update {@code step + 1} without the per-step validation (benchmarks compare the two); one host
   * sync for the loss.
   */
  public double trainStepOnly(DeviceData data, BatchOrder order, long stepsPerEpoch) {
    long s = step + 1;
    int epoch = (int) ((s - 1) / stepsPerEpoch) + 1;
    int from = (int) ((s - 1) % stepsPerEpoch) * config.batchSize();
    int to = Math.min(data.train().size(), from + config.batchSize());
    double loss;
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      NDArray idx =
          data.manager().create(java.util.Arrays.copyOfRange(order.epoch(epoch), from, to));
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray l =
            Evaluator.crossEntropy(
                model.forward(data.train().x().get(idx)), data.train().y().get(idx));
        gc.backward(l);
        optimizer.step(config.lr());
        loss = l.getFloat();
      }
    }
    step = s;
    return loss;
  }

  public long step() {
    return step;
  }

  public Mlp model() {
    return model;
  }

  public MlpWeights weights() {
    return model.toWeights();
  }

  public OptimizerState optimizerState() {
    return optimizer.toState();
  }

  @Override
  public void close() {
    optimizer.close();
    model.close();
  }
}
