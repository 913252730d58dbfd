package dev.csrlab.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * The parameters of an MLP {@code in → H1 → … → Hk → out} as plain Java arrays (no DJL): the
 * currency of growth operators, checkpoints and tests. Layer l (0-based) maps layer l's input to
 * hidden layer l+1; the hidden layer h (1-based, as in TensorBoard tags {@code hidden<h>}) is the
 * output of {@code layers().get(h-1)} and the input of {@code layers().get(h)}.
 */
public record MlpWeights(List<DenseLayer> layers) {
  public MlpWeights {
    layers = List.copyOf(layers);
    for (int i = 1; i < layers.size(); i++) {
      if (layers.get(i).inFeatures() != layers.get(i - 1).outFeatures()) {
        throw new IllegalArgumentException(
            "layer "
                + i
                + " takes "
                + layers.get(i).inFeatures()
                + " inputs but layer "
                + (i - 1)
                + " gives "
                + layers.get(i - 1).outFeatures());
      }
    }
  }

  public int inputSize() {
    return layers.get(0).inFeatures();
  }

  public int outputSize() {
    return layers.get(layers.size() - 1).outFeatures();
  }

  /** Widths of the hidden layers, input to output. */
  public List<Integer> hiddenWidths() {
    List<Integer> w = new ArrayList<>();
    for (int i = 0; i < layers.size() - 1; i++) {
      w.add(layers.get(i).outFeatures());
    }
    return w;
  }

  /** Zero arrays of the same shapes (fresh optimizer moments). */
  public MlpWeights zerosLike() {
    return new MlpWeights(
        layers.stream().map(l -> DenseLayer.zeros(l.outFeatures(), l.inFeatures())).toList());
  }

  public MlpWeights copy() {
    return new MlpWeights(layers.stream().map(DenseLayer::copy).toList());
  }

  /** A copy with layer {@code index} replaced. */
  public MlpWeights with(int index, DenseLayer layer) {
    List<DenseLayer> l = new ArrayList<>(layers);
    l.set(index, layer);
    return new MlpWeights(l);
  }

  public long parameterCount() {
    long n = 0;
    for (DenseLayer l : layers) {
      n += l.weight().length + l.bias().length;
    }
    return n;
  }
}
