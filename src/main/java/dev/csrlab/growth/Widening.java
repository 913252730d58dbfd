package dev.csrlab.growth;

import dev.csrlab.config.Method;
import dev.csrlab.config.Options.Energy;
import dev.csrlab.config.Options.Ordering;
import dev.csrlab.config.VariantSpec;
import dev.csrlab.nn.DenseLayer;
import dev.csrlab.nn.MlpWeights;
import dev.csrlab.nn.OptimizerState;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Widens every hidden layer of an MLP by one method (SPEC §1.1–1.3, §1.5). Layers are widened in
 * order 1, 2, …, each seen in the current, partly widened model (layer 2's features are the rows of
 * the already widened W_2). Every random choice draws from its own stream derived from the seed, so
 * e.g. changing the noise never changes the Net2Net mapping (SPEC §5).
 */
public final class Widening {
  // Stream constants: arbitrary odd 64-bit values, XORed into the seed per purpose.
  static final long MAPPING_STREAM = 0x6a09e667f3bcc909L;
  static final long NOISE_STREAM = 0xbb67ae8584caa73bL;
  static final long ORDER_STREAM = 0x3c6ef372fe94f82bL;
  static final long INIT_STREAM = 0xa54ff53a5f1d36f1L;

  private Widening() {}

  /** How one hidden layer's weights were mapped: incoming M, outgoing N, the scalar c. */
  private record LayerMaps(UnitMap incoming, UnitMap outgoing, double energyScale) {}

  /** The four random streams of one widening call. */
  private record Streams(
      SplittableRandom mapping,
      SplittableRandom noise,
      SplittableRandom order,
      SplittableRandom init) {
    static Streams of(long seed) {
      return new Streams(
          new SplittableRandom(seed ^ MAPPING_STREAM),
          new SplittableRandom(seed ^ NOISE_STREAM),
          new SplittableRandom(seed ^ ORDER_STREAM),
          new SplittableRandom(seed ^ INIT_STREAM));
    }
  }

  /**
   * Widens {@code w} to {@code targetWidths}.
   *
   * @param state AdamW state to carry over with the variant's policy, or null
   * @param batchLoss loss of a model on one training batch; required for {@code energy=fitted} (it
   *     is called with partly widened models, so it must accept any hidden widths)
   * @throws IllegalArgumentException for a method that does not widen, wrong target count, a target
   *     below the current width, or state arrays that do not match the weights
   */
  public static WideningOutcome widen(
      MlpWeights w,
      OptimizerState state,
      List<Integer> targetWidths,
      VariantSpec variant,
      long seed,
      ToDoubleFunction<MlpWeights> batchLoss) {
    validate(w, state, targetWidths, variant, batchLoss);
    Streams rnd = Streams.of(seed);
    MlpWeights cur = w;
    OptimizerState st = state;
    List<LayerWidening> report = new ArrayList<>();
    double[] scales = new double[targetWidths.size()];
    for (int h = 1; h <= targetWidths.size(); h++) {
      int n = cur.layers().get(h - 1).outFeatures();
      int m = targetWidths.get(h - 1);
      UnitFeatures features = UnitFeatures.of(cur, h, variant.features());
      Ordering ordering = n == m ? Ordering.IDENTITY : ordering(variant);
      SeriationResult ser = Seriation.seriate(features, variant.affinity(), ordering, rnd.order());
      report.add(
          new LayerWidening(
              h,
              n,
              m,
              ser.order(),
              ser.similarity(),
              ser.fiedler(),
              ser.pathBefore(),
              ser.pathAfter(),
              ser.pathRandom()));
      if (n == m) {
        scales[h - 1] = 1;
        continue;
      }
      DenseLayer in = cur.layers().get(h - 1);
      LayerMaps maps = maps(cur, h, m, ser.order(), variant, rnd, batchLoss);
      DenseLayer newIn = maps.incoming().applyToRows(in, false);
      if (variant.method() == Method.ZERO_OUTGOING) {
        newIn = ZeroOutgoing.initialiseNewRows(newIn, n, rnd.init());
      } else if (!variant.method().resamples()) {
        newIn =
            Net2Net.addNoiseToCopies(newIn, n, Net2Net.weightStd(in), variant.noise(), rnd.noise());
      }
      DenseLayer newOut = maps.outgoing().applyToColumns(cur.layers().get(h), false);
      cur = replacePair(cur, h - 1, newIn, newOut);
      if (st != null) {
        st =
            OptimizerStateTransfer.transfer(
                st, h - 1, maps.incoming(), maps.outgoing(), variant.optimizerState());
      }
      scales[h - 1] = maps.energyScale();
    }
    return new WideningOutcome(cur, st, report, scales);
  }

  /** The unit order a resampling method uses; Net2Net-style methods keep the trained order. */
  private static Ordering ordering(VariantSpec v) {
    return switch (v.method()) {
      case CONTINUOUS -> v.ordering();
      case CONTINUOUS_RANDOM -> Ordering.RANDOM;
      default -> Ordering.IDENTITY; // continuous-unsorted, net2net*, zero-outgoing
    };
  }

  private static LayerMaps maps(
      MlpWeights cur,
      int h,
      int m,
      int[] order,
      VariantSpec v,
      Streams rnd,
      ToDoubleFunction<MlpWeights> batchLoss) {
    int n = cur.layers().get(h - 1).outFeatures();
    switch (v.method()) {
      case NET2NET, NET2NET_EACH_ONCE -> {
        int[] g =
            v.method() == Method.NET2NET
                ? Net2Net.randomMapping(n, m, rnd.mapping())
                : Net2Net.eachOnceMapping(n, m, rnd.mapping());
        return new LayerMaps(Net2Net.incoming(g, n), Net2Net.outgoing(g, n), Double.NaN);
      }
      case ZERO_OUTGOING -> {
        UnitMap keep = ZeroOutgoing.keepOriginals(n, m);
        return new LayerMaps(keep, keep, 1);
      }
      default -> {
        UnitMap in = Resampling.interpolation(n, m, v.kernel()).after(UnitMap.selection(n, order));
        return switch (v.energy()) {
          case RATIO -> scalar(in, Resampling.ratio(n, m));
          case NONE -> scalar(in, 1);
          case PINV -> new LayerMaps(in, Resampling.pseudoInverseOutgoing(in), Double.NaN);
          case FITTED -> scalar(in, fitScale(cur, h, in, batchLoss));
        };
      }
    }
  }

  private static LayerMaps scalar(UnitMap in, double c) {
    return new LayerMaps(in, in.scaled(c), c);
  }

  /**
   * {@code energy=fitted}: the c minimising the batch loss of the model with this layer widened
   * (later layers still at their old widths; layers are fitted one after another).
   */
  private static double fitScale(
      MlpWeights cur, int h, UnitMap in, ToDoubleFunction<MlpWeights> batchLoss) {
    DenseLayer rows = in.applyToRows(cur.layers().get(h - 1), false);
    DenseLayer base = in.applyToColumns(cur.layers().get(h), false);
    double ratio = Resampling.ratio(in.from(), in.to());
    // Range [0, max(2n/m, 1)]: twice the ratio rule, and never excluding c = 1 (energy none).
    return EnergyFit.minimise(
        c -> batchLoss.applyAsDouble(replacePair(cur, h - 1, rows, scaled(base, c))),
        Math.max(2 * ratio, 1),
        ratio,
        1);
  }

  /** Layers {@code layer} and {@code layer+1} replaced together (their shared width changes). */
  static MlpWeights replacePair(MlpWeights w, int layer, DenseLayer first, DenseLayer second) {
    List<DenseLayer> layers = new ArrayList<>(w.layers());
    layers.set(layer, first);
    layers.set(layer + 1, second);
    return new MlpWeights(layers);
  }

  private static DenseLayer scaled(DenseLayer layer, double c) {
    float[] w = layer.weight().clone();
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) (w[i] * c);
    }
    return new DenseLayer(layer.outFeatures(), layer.inFeatures(), w, layer.bias());
  }

  private static void validate(
      MlpWeights w,
      OptimizerState state,
      List<Integer> targets,
      VariantSpec variant,
      ToDoubleFunction<MlpWeights> batchLoss) {
    Method method = variant.method();
    if (!method.widens() || method == Method.SCRATCH_MATCHED) {
      throw new IllegalArgumentException(
          "method '"
              + method.id()
              + "' does not widen a model;"
              + " widening needs one of net2net, net2net-each-once, continuous, continuous-unsorted,"
              + " continuous-random, zero-outgoing");
    }
    List<Integer> widths = w.hiddenWidths();
    if (targets.size() != widths.size()) {
      throw new IllegalArgumentException(
          "got "
              + targets.size()
              + " target widths "
              + targets
              + " for "
              + widths.size()
              + " hidden layers "
              + widths
              + "; give one per hidden layer");
    }
    for (int i = 0; i < widths.size(); i++) {
      if (targets.get(i) < widths.get(i)) {
        throw new IllegalArgumentException(
            "hidden layer "
                + (i + 1)
                + " has "
                + widths.get(i)
                + " units; a target of "
                + targets.get(i)
                + " would narrow it (targets must be ≥)");
      }
    }
    if (method.resamples() && variant.energy() == Energy.FITTED && batchLoss == null) {
      throw new IllegalArgumentException(
          "energy 'fitted' needs a batch loss function to fit c;"
              + " pass one or choose energy ratio/pinv/none");
    }
    if (state != null && !(shapesMatch(w, state.expAvg()) && shapesMatch(w, state.expAvgSq()))) {
      throw new IllegalArgumentException(
          "optimizer state shapes do not match the weights "
              + widths
              + "; pass the state of this model, or null");
    }
  }

  private static boolean shapesMatch(MlpWeights a, MlpWeights b) {
    if (a.layers().size() != b.layers().size()) {
      return false;
    }
    for (int i = 0; i < a.layers().size(); i++) {
      DenseLayer x = a.layers().get(i);
      DenseLayer y = b.layers().get(i);
      if (x.outFeatures() != y.outFeatures() || x.inFeatures() != y.inFeatures()) {
        return false;
      }
    }
    return true;
  }
}
