package dev.csrlab.report;

import dev.csrlab.config.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * Training compute of an MLP 784 → H… → 10 (SPEC §1). One optimizer step costs 6·batch·Σ in·out
 * over its dense layers (forward 2·in·out multiply-adds per sample, backward twice that; biases and
 * activations are negligible). Every step is priced at the full batch, which slightly over-counts
 * the last partial batch of each epoch.
 */
public final class FlopsModel {
  /** MNIST and Fashion-MNIST: 28·28 inputs, 10 classes. */
  public static final int INPUTS = 784;

  public static final int CLASSES = 10;

  private FlopsModel() {}

  /** FLOPs of one step of the MLP with these hidden widths. */
  public static double perStep(List<Integer> hidden, int batch) {
    List<Integer> dims = new ArrayList<>();
    dims.add(INPUTS);
    dims.addAll(hidden);
    dims.add(CLASSES);
    double macs = 0;
    for (int i = 0; i + 1 < dims.size(); i++) {
      macs += (double) dims.get(i) * dims.get(i + 1);
    }
    return 6.0 * batch * macs;
  }

  /**
   * Cumulative training FLOPs after each row's step. The model of a row is its {@code phase}
   * (small/wide) when the CSV has one; otherwise it follows the method: scratch pays the wide cost
   * from step 0, small-continue the small cost throughout, widened methods the small cost up to the
   * widening step and the wide cost after it.
   */
  public static double[] cumulative(
      StepSeries s, String method, long wideningStep, double smallCost, double wideCost) {
    double[] out = new double[s.size()];
    double total = 0;
    long prev = 0;
    for (int i = 0; i < s.size(); i++) {
      long step = s.step()[i];
      boolean wide = isWide(s.phase()[i], method, wideningStep, step);
      total += Math.max(0, step - prev) * (wide ? wideCost : smallCost);
      prev = Math.max(prev, step);
      out[i] = total;
    }
    return out;
  }

  static boolean isWide(String phase, String method, long wideningStep, long step) {
    if ("wide".equalsIgnoreCase(phase)) {
      return true;
    }
    if ("small".equalsIgnoreCase(phase)) {
      return false;
    }
    Method m;
    try {
      m = Method.fromId(method);
    } catch (IllegalArgumentException | NullPointerException e) {
      return wideningStep >= 0 && step > wideningStep;
    }
    if (!m.widens()) {
      return m != Method.SMALL_CONTINUE;
    }
    return wideningStep >= 0 && step > wideningStep;
  }
}
