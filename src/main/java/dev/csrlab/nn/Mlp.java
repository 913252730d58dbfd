package dev.csrlab.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import dev.csrlab.config.Options;
import java.util.ArrayList;
import java.util.List;

/**
 * An MLP whose parameters are plain NDArrays we own (not a DJL Block), so widening can replace them
 * wholesale. Parameters live in their own manager, created from {@link MlpWeights} and read back
 * into them; ops made during a step attach to the step's scope, never to this manager.
 */
public final class Mlp implements AutoCloseable {
  private final NDManager manager;
  private final Options.Activation activation;
  private final List<NDArray> weights = new ArrayList<>();
  private final List<NDArray> biases = new ArrayList<>();
  private final List<int[]> shapes = new ArrayList<>();

  private Mlp(NDManager parent, MlpWeights w, Options.Activation activation) {
    this.manager = parent.newSubManager();
    this.activation = activation;
    for (DenseLayer l : w.layers()) {
      NDArray weight = manager.create(l.weight(), new Shape(l.outFeatures(), l.inFeatures()));
      NDArray bias = manager.create(l.bias(), new Shape(l.outFeatures()));
      weight.setRequiresGradient(true);
      bias.setRequiresGradient(true);
      weights.add(weight);
      biases.add(bias);
      shapes.add(new int[] {l.outFeatures(), l.inFeatures()});
    }
  }

  /** Uploads {@code w} to the device of {@code parent}. */
  public static Mlp of(NDManager parent, MlpWeights w, Options.Activation activation) {
    return new Mlp(parent, w, activation);
  }

  /** Logits for a batch {@code x} of shape [batch, input]. */
  public NDArray forward(NDArray x) {
    NDArray h = x;
    int last = weights.size() - 1;
    for (int i = 0; i <= last; i++) {
      h = Linear.linear(h, weights.get(i), biases.get(i)).singletonOrThrow();
      if (i < last) {
        h = activate(h);
      }
    }
    return h;
  }

  private NDArray activate(NDArray h) {
    return switch (activation) {
      case RELU -> Activation.relu(h);
      case GELU -> Activation.gelu(h);
      // SiLU(x) = x·σ(x) = swish with β = 1.
      case SILU -> Activation.swish(h, 1f);
    };
  }

  public List<NDArray> weights() {
    return weights;
  }

  public List<NDArray> biases() {
    return biases;
  }

  public Options.Activation activation() {
    return activation;
  }

  public List<Integer> hiddenWidths() {
    List<Integer> w = new ArrayList<>();
    for (int i = 0; i < shapes.size() - 1; i++) {
      w.add(shapes.get(i)[0]);
    }
    return w;
  }

  /** FLOPs of one forward+backward pass per sample: 6·Σ in·out (2 forward, 4 backward). */
  public double trainFlopsPerSample() {
    double f = 0;
    for (int[] s : shapes) {
      f += 6.0 * s[0] * s[1];
    }
    return f;
  }

  /** Copies the parameters back to host arrays. */
  public MlpWeights toWeights() {
    List<DenseLayer> layers = new ArrayList<>();
    for (int i = 0; i < weights.size(); i++) {
      layers.add(
          new DenseLayer(
              shapes.get(i)[0],
              shapes.get(i)[1],
              weights.get(i).toFloatArray(),
              biases.get(i).toFloatArray()));
    }
    return new MlpWeights(layers);
  }

  public NDManager manager() {
    return manager;
  }

  @Override
  public void close() {
    manager.close();
  }
}
