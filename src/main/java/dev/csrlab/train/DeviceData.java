package dev.csrlab.train;

import ai.djl.ndarray.NDManager;

/**
 * The splits of SPEC §1–2 preloaded on the compute device, owned by one manager: training,
 * validation (held-out tail of the training images), the per-step validation subset, and test.
 */
public record DeviceData(
    NDManager manager,
    TensorSplit train,
    TensorSplit validation,
    TensorSplit valSubset,
    TensorSplit test,
    int features,
    int classes)
    implements AutoCloseable {
  @Override
  public void close() {
    manager.close();
  }
}
