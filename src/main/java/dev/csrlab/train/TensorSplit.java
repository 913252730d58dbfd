package dev.csrlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/** A data split resident on the compute device: inputs [n, features] and int64 labels [n]. */
public record TensorSplit(NDArray x, NDArray y, int size) {
  /** Uploads host arrays once (preloaded tensors: batching is then index-based on device). */
  public static TensorSplit upload(NDManager m, float[] x, int[] y, int features) {
    int n = y.length;
    if (x.length != (long) n * features) {
      throw new IllegalArgumentException(
          "split has "
              + x.length
              + " input values for "
              + n
              + " labels of "
              + features
              + " features");
    }
    NDArray xs = m.create(x, new Shape(n, features));
    NDArray ys = m.create(y, new Shape(n)).toType(DataType.INT64, false);
    return new TensorSplit(xs, ys, n);
  }
}
