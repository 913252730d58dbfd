package dev.csrlab.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * AdamW (Loshchilov &amp; Hutter) whose state — moments and per-tensor step counts — we own, so
 * widening can carry it over (SPEC §1.3). Matches {@code torch.optim.AdamW}:
 *
 * <pre>
 *   p ← p·(1 − lr·wd)
 *   m ← β1·m + (1−β1)·g ;  v ← β2·v + (1−β2)·g²
 *   p ← p − lr/(1−β1^t) · m / (√v/√(1−β2^t) + ε)
 * </pre>
 *
 * The update is DJL's fused native {@code adamUpdate} on our own arrays (one native call per
 * tensor). That kernel computes {@code p − lrBc·m/(√v + ε')}; rewriting PyTorch's form as
 * {@code lr·√(1−β2^t)/(1−β1^t) · m/(√v + ε·√(1−β2^t))} gives lrBc and ε' below (STACK.md). Its
 * gradient clip only clamps from above, so it is disabled (−1). It also zeroes the gradient.
 */
public final class AdamW implements AutoCloseable {
  private final Mlp model;
  private final double beta1;
  private final double beta2;
  private final double eps;
  private final double weightDecay;
  private final NDManager manager;
  private final List<Moment> weightMoments = new ArrayList<>();
  private final List<Moment> biasMoments = new ArrayList<>();

  private static final class Moment {
    final NDArray m;
    final NDArray v;
    long step;

    Moment(NDArray m, NDArray v, long step) {
      this.m = m;
      this.v = v;
      this.step = step;
    }
  }

  /**
   * @param state moments to continue from (same shapes as {@code model}), or null for fresh zeros
   */
  public AdamW(Mlp model, double beta1, double beta2, double eps, double weightDecay,
      OptimizerState state) {
    this.model = model;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    this.weightDecay = weightDecay;
    this.manager = model.manager().newSubManager();
    MlpWeights w = model.toWeights();
    OptimizerState s = state == null ? OptimizerState.zeros(w) : state;
    for (int i = 0; i < w.layers().size(); i++) {
      DenseLayer l = w.layers().get(i);
      DenseLayer m = s.expAvg().layers().get(i);
      DenseLayer v = s.expAvgSq().layers().get(i);
      if (m.outFeatures() != l.outFeatures() || m.inFeatures() != l.inFeatures()) {
        throw new IllegalArgumentException("optimizer state of layer " + i + " has shape ["
            + m.outFeatures() + ", " + m.inFeatures() + "] but the model has [" + l.outFeatures()
            + ", " + l.inFeatures() + "]");
      }
      Shape ws = new Shape(l.outFeatures(), l.inFeatures());
      Shape bs = new Shape(l.outFeatures());
      weightMoments.add(new Moment(manager.create(m.weight(), ws), manager.create(v.weight(), ws),
          s.weightSteps()[i]));
      biasMoments.add(new Moment(manager.create(m.bias(), bs), manager.create(v.bias(), bs),
          s.biasSteps()[i]));
    }
  }

  /** One update of every parameter from its current gradient (then zeroes the gradients). */
  public void step(double lr) {
    for (int i = 0; i < weightMoments.size(); i++) {
      update(model.weights().get(i), weightMoments.get(i), lr);
      update(model.biases().get(i), biasMoments.get(i), lr);
    }
  }

  private void update(NDArray param, Moment s, double lr) {
    s.step++;
    double bc1 = 1 - Math.pow(beta1, (double) s.step);
    double bc2Sqrt = Math.sqrt(1 - Math.pow(beta2, (double) s.step));
    float lrBc = (float) (lr * bc2Sqrt / bc1);
    float epsHat = (float) (eps * bc2Sqrt);
    NDArray grad = param.getGradient();
    param.getNDArrayInternal().adamUpdate(
        new NDList(param, grad, s.m, s.v), new NDList(param),
        (float) lr, lrBc, (float) weightDecay, 1f, -1f,
        (float) beta1, (float) beta2, epsHat, false, true);
    grad.close();
  }

  /** Copies moments and step counts to host arrays. */
  public OptimizerState toState() {
    List<DenseLayer> m = new ArrayList<>();
    List<DenseLayer> v = new ArrayList<>();
    long[] ws = new long[weightMoments.size()];
    long[] bs = new long[weightMoments.size()];
    for (int i = 0; i < weightMoments.size(); i++) {
      Moment w = weightMoments.get(i);
      Moment b = biasMoments.get(i);
      long[] shape = w.m.getShape().getShape();
      m.add(new DenseLayer((int) shape[0], (int) shape[1], w.m.toFloatArray(), b.m.toFloatArray()));
      v.add(new DenseLayer((int) shape[0], (int) shape[1], w.v.toFloatArray(), b.v.toFloatArray()));
      ws[i] = w.step;
      bs[i] = b.step;
    }
    return new OptimizerState(new MlpWeights(m), new MlpWeights(v), ws, bs);
  }

  @Override
  public void close() {
    manager.close();
  }
}
