package dev.csrlab.ui.session;

import dev.csrlab.train.Phase;
import dev.csrlab.train.RunKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The per-step curves of one run (the columns of metrics.csv), stored as growable primitive
 * arrays: a 50k-step run is 50k rows, and boxing every point would cost more than the chart.
 * Accessors hand out the live arrays; only indices below {@link #size()} are meaningful.
 */
public final class RunSeries {
  /** A full-validation point at an epoch end ({@code Loss/Val_Full}, {@code Accuracy/Val}). */
  public record EpochPoint(int epoch, long step, double valLoss, double valAcc) {}

  private final RunKey key;
  private int size;
  private double[] step = new double[256];
  private int[] epoch = new int[256];
  private double[] trainLoss = new double[256];
  private double[] valLoss = new double[256];
  private double[] valAcc = new double[256];
  private double[] lr = new double[256];
  private Phase[] phase = new Phase[256];
  private final List<EpochPoint> epochs = new ArrayList<>();

  public RunSeries(RunKey key) {
    this.key = key;
  }

  public RunKey key() {
    return key;
  }

  public int size() {
    return size;
  }

  /** Appends one step; a step not after the last one (a replayed prefix) replaces nothing. */
  public void append(long s, int ep, double train, double val, double acc, double rate, Phase ph) {
    if (size > 0 && s <= step[size - 1]) {
      return;
    }
    if (size == step.length) {
      grow();
    }
    step[size] = s;
    epoch[size] = ep;
    trainLoss[size] = train;
    valLoss[size] = val;
    valAcc[size] = acc;
    lr[size] = rate;
    phase[size] = ph;
    size++;
  }

  private void grow() {
    int n = step.length * 2;
    step = Arrays.copyOf(step, n);
    epoch = Arrays.copyOf(epoch, n);
    trainLoss = Arrays.copyOf(trainLoss, n);
    valLoss = Arrays.copyOf(valLoss, n);
    valAcc = Arrays.copyOf(valAcc, n);
    lr = Arrays.copyOf(lr, n);
    phase = Arrays.copyOf(phase, n);
  }

  public void addEpoch(EpochPoint p) {
    epochs.add(p);
  }

  public List<EpochPoint> epochs() {
    return List.copyOf(epochs);
  }

  public double[] steps() {
    return step;
  }

  public int[] epochColumn() {
    return epoch;
  }

  public double[] trainLoss() {
    return trainLoss;
  }

  public double[] valLoss() {
    return valLoss;
  }

  public double[] valAcc() {
    return valAcc;
  }

  public double[] lr() {
    return lr;
  }

  public Phase phaseAt(int i) {
    return phase[i];
  }

  /** The last step of the small model (the first WIDE row minus one), or -1 if never widened. */
  public long wideningStepFromPhase() {
    for (int i = 1; i < size; i++) {
      if (phase[i] == Phase.WIDE && phase[i - 1] == Phase.SMALL) {
        return (long) step[i - 1];
      }
    }
    return -1;
  }
}
