package dev.csrlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import dev.csrlab.nn.Mlp;

/** Loss, accuracy and function change of a model on a split (no gradients recorded). */
public final class Evaluator {
  private Evaluator() {}

  /** Mean cross-entropy and accuracy (fraction) of {@code model} on {@code split}. */
  public record Eval(double loss, double accuracy) {}

  /** Mean |Δlogit| and mean KL(before ‖ after) over a split (SPEC §2 Function_Error/KL). */
  public record FunctionChange(double meanAbsLogitChange, double meanKl) {}

  /** Mean softmax cross-entropy of logits [n, classes] against int64 labels [n]. */
  public static NDArray crossEntropy(NDArray logits, NDArray labels) {
    NDArray logp = logits.logSoftmax(1);
    return logp.gather(labels.reshape(-1, 1), 1).mean().neg();
  }

  public static Eval evaluate(Mlp model, TensorSplit split) {
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      NDArray logits = model.forward(split.x());
      float[] both = lossAndCorrect(logits, split.y()).toFloatArray();
      return new Eval(both[0], both[1] / split.size());
    }
  }

  /** [loss, number correct] in one array, so one host sync reads both. */
  static NDArray lossAndCorrect(NDArray logits, NDArray labels) {
    NDArray loss = crossEntropy(logits, labels).reshape(1);
    NDArray correct = logits.argMax(1).eq(labels).toType(DataType.FLOAT32, false).sum().reshape(1);
    return loss.concat(correct);
  }

  /** Logits of the whole split (caller closes, or calls inside a scope). */
  public static NDArray logits(Mlp model, TensorSplit split) {
    return model.forward(split.x());
  }

  /** Function change between logits {@code before} and {@code model}'s logits on a split. */
  public static FunctionChange compare(NDArray before, Mlp model, TensorSplit split) {
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      NDArray after = model.forward(split.x());
      double mae = after.sub(before).abs().mean().getFloat();
      NDArray lpB = before.logSoftmax(1);
      NDArray lpA = after.logSoftmax(1);
      double kl = lpB.exp().mul(lpB.sub(lpA)).sum(new int[] {1}).mean().getFloat();
      return new FunctionChange(mae, kl);
    }
  }
}
