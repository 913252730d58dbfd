package dev.csrlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import dev.csrlab.config.ConfigValidator;
import dev.csrlab.config.ExperimentConfig;
import dev.csrlab.config.Method;
import dev.csrlab.config.VariantSpec;
import dev.csrlab.growth.Widening;
import dev.csrlab.growth.WideningOutcome;
import dev.csrlab.nn.Initialisation;
import dev.csrlab.nn.Mlp;
import dev.csrlab.nn.MlpWeights;
import dev.csrlab.nn.OptimizerState;
import dev.csrlab.nn.Safetensors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every variant of one seed (SPEC §1, §5): the small model is trained once up to the widening step
 * N (the shared prefix, reported into every widened run), then each widened variant branches from
 * the same weights and optimizer state — a paired design — while scratch runs train the wide model
 * from step 0. All lanes advance round-robin, one update each per round.
 */
public final class SeedProtocol {
  private final ExperimentConfig config;
  private final DeviceData data;
  private final TrainingListener bus;
  private final CancelToken cancel;
  private final Function<RunKey, Path> runDirs;
  private final String device;
  private final long stepsPerEpoch;
  private final long totalSteps;
  private final Map<RunKey, Long> startNanos = new HashMap<>();
  private final Map<RunKey, VariantSpec> variants = new HashMap<>();
  private final Map<RunKey, Path> dirs = new HashMap<>();
  private final Map<RunKey, RunTracker> trackers = new java.util.LinkedHashMap<>();
  private final List<RunFinished> finished = new ArrayList<>();

  public SeedProtocol(
      ExperimentConfig config,
      DeviceData data,
      TrainingListener bus,
      CancelToken cancel,
      Function<RunKey, Path> runDirs,
      String device) {
    this.config = config;
    this.data = data;
    this.bus = bus;
    this.cancel = cancel;
    this.runDirs = runDirs;
    this.device = device;
    this.stepsPerEpoch = ConfigValidator.stepsPerEpoch(config);
    this.totalSteps = stepsPerEpoch * config.epochs();
  }

  /** Runs every variant for {@code seed}; returns how each run ended. */
  public List<RunFinished> run(long seed) {
    BatchOrder order = new BatchOrder(seed, data.train().size());
    List<Lane> lanes = new ArrayList<>();
    List<VariantSpec> branches =
        config.variants().stream()
            .filter(v -> v.method().widens() || v.method() == Method.SMALL_CONTINUE)
            .toList();
    MlpWeights small =
        Initialisation.pytorchDefault(
            data.features(),
            config.widths(),
            data.classes(),
            RandomStreams.of(seed, RandomStreams.Purpose.INIT));
    MlpWeights wide =
        Initialisation.pytorchDefault(
            data.features(),
            config.targetWidths(),
            data.classes(),
            RandomStreams.of(seed, RandomStreams.Purpose.INIT));
    for (VariantSpec v : config.variants()) {
      if (v.method() == Method.SCRATCH || v.method() == Method.SCRATCH_MATCHED) {
        RunTracker t = start(v, seed, config.targetWidths(), scratchSteps(v, small, wide));
        lanes.add(
            new Lane(
                new TrainingSession(data, config, wide, null, 0),
                List.of(t),
                Phase.WIDE,
                scratchSteps(v, small, wide),
                false,
                null,
                -1));
      }
    }
    if (!branches.isEmpty()) {
      List<RunTracker> runs = new ArrayList<>();
      for (VariantSpec v : branches) {
        runs.add(start(v, seed, config.widths(), totalSteps));
      }
      WideningTrigger trigger =
          new WideningTrigger(config.widening(), stepsPerEpoch, config.epochs());
      lanes.add(
          new Lane(
              new TrainingSession(data, config, small, null, 0),
              runs,
              Phase.SMALL,
              trigger.latestStep(),
              true,
              trigger,
              fixedFocus(trigger)));
    }
    while (!lanes.isEmpty()) {
      if (cancel.isCancelled()) {
        for (Lane l : lanes) {
          endAll(l, RunStatus.CANCELLED, "cancelled by the user at step " + l.session.step());
        }
        break;
      }
      List<Lane> next = new ArrayList<>();
      for (Lane lane : lanes) {
        try {
          next.addAll(advance(lane, order, seed));
        } catch (RuntimeException e) {
          List<Lane> open = new ArrayList<>(next);
          open.addAll(lanes.subList(lanes.indexOf(lane), lanes.size()));
          throw failAll(open, e);
        }
      }
      lanes = next;
    }
    return List.copyOf(finished);
  }

  /**
   * Ends every run of this seed that has not ended with status {@code failed} and the error's
   * reason. Best effort: the listeners may be what failed (a full disk), so their errors here are
   * dropped; the native memory of the open lanes is released.
   */
  private SeedFailure failAll(List<Lane> open, RuntimeException e) {
    java.util.Set<RunKey> ended = new java.util.HashSet<>();
    finished.forEach(f -> ended.add(f.key()));
    for (RunTracker t : trackers.values()) {
      if (ended.contains(t.key())) {
        continue;
      }
      double seconds = (System.nanoTime() - startNanos.get(t.key())) / 1e9;
      String message =
          "failed: "
              + (e.getMessage() == null ? e.toString() : e.getMessage())
              + " (the run's files hold every step before the failure)";
      RunFinished f;
      try {
        t.finish();
      } catch (RuntimeException ignored) {
        // its metric events went to the failing sinks
      }
      f = new RunFinished(t.key(), RunStatus.FAILED, t.result(RunStatus.FAILED, seconds), message);
      finished.add(f);
      try {
        bus.onRunEnd(f);
      } catch (RuntimeException ignored) {
        // same
      }
    }
    for (Lane l : open) {
      try {
        l.session.close();
      } catch (RuntimeException ignored) {
        // already closed with its branch
      }
    }
    return new SeedFailure(finished, e);
  }

  private long fixedFocus(WideningTrigger trigger) {
    return config.widening().kind().id().equals("epoch")
            || config.widening().kind().id().equals("step")
        ? trigger.latestStep()
        : -1;
  }

  /** A compute-matched scratch run stops once it has spent the FLOPs of a widened run. */
  private long scratchSteps(VariantSpec v, MlpWeights small, MlpWeights wide) {
    if (v.method() != Method.SCRATCH_MATCHED) {
      return totalSteps;
    }
    long n = new WideningTrigger(config.widening(), stepsPerEpoch, config.epochs()).latestStep();
    double smallCost = small.parameterCount();
    double wideCost = wide.parameterCount();
    return Math.max(1, Math.round(n * smallCost / wideCost + (totalSteps - n)));
  }

  private RunTracker start(VariantSpec v, long seed, List<Integer> widths, long steps) {
    RunKey key = new RunKey(v.name(), seed);
    variants.put(key, v);
    startNanos.put(key, System.nanoTime());
    Path dir = runDirs.apply(key);
    dirs.put(key, dir);
    bus.onRunStart(new RunStarted(key, v, config, dir, steps, stepsPerEpoch, widths, device));
    RunTracker t = new RunTracker(key, v.method().id(), config.peakWindow(), bus);
    trackers.put(key, t);
    return t;
  }

  /** One update of a lane; returns the lanes that continue (the prefix turns into branches). */
  private List<Lane> advance(Lane lane, BatchOrder order, long seed) {
    TrainingSession s = lane.session;
    TrainingSession.StepValues v = s.trainStep(data, order, stepsPerEpoch);
    long step = s.step();
    int epoch = (int) ((step - 1) / stepsPerEpoch) + 1;
    if (!Double.isFinite(v.trainLoss()) || !Double.isFinite(v.valLoss())) {
      endAll(
          lane,
          RunStatus.DIVERGED,
          "loss became "
              + v.trainLoss()
              + " (train) / "
              + v.valLoss()
              + " (val) at step "
              + step
              + "; lower the learning rate (lr "
              + config.lr()
              + ")");
      return List.of();
    }
    Evaluator.Eval full =
        inFullWindow(lane, step) ? Evaluator.evaluate(s.model(), data.validation()) : null;
    double flops = s.model().trainFlopsPerSample() * v.batch();
    for (RunTracker t : lane.runs) {
      StepEvent e =
          new StepEvent(
              t.key(),
              step,
              epoch,
              v.trainLoss(),
              v.valLoss(),
              v.valAcc(),
              config.lr(),
              lane.phase,
              full == null ? Double.NaN : full.loss(),
              full == null ? Double.NaN : full.accuracy(),
              lane.shared);
      bus.onStep(e);
      t.onStep(e, flops);
    }
    lane.epochLossSum += v.trainLoss();
    lane.epochSteps++;
    if (step % stepsPerEpoch == 0) {
      endEpoch(lane, step, epoch);
    }
    if (lane.trigger != null) {
      String fired = lane.trigger.check(step, v.valLoss());
      if (fired != null) {
        return branch(lane, fired, v, order, seed);
      }
      return List.of(lane);
    }
    if (lane.done()) {
      complete(lane);
      return List.of();
    }
    return List.of(lane);
  }

  private boolean inFullWindow(Lane lane, long step) {
    return config.fullValWindow() > 0
        && lane.focusStep >= 0
        && Math.abs(step - lane.focusStep) <= config.fullValWindow();
  }

  private void endEpoch(Lane lane, long step, int epoch) {
    Evaluator.Eval full = Evaluator.evaluate(lane.session.model(), data.validation());
    double seconds = (System.nanoTime() - lane.epochStartNanos) / 1e9;
    for (RunTracker t : lane.runs) {
      EpochEvent e =
          new EpochEvent(
              t.key(),
              epoch,
              step,
              lane.epochLossSum / lane.epochSteps,
              full.loss(),
              full.accuracy(),
              seconds);
      bus.onEpochEnd(e);
      t.onEpoch(e);
    }
    lane.epochLossSum = 0;
    lane.epochSteps = 0;
    lane.epochStartNanos = System.nanoTime();
  }

  /** The prefix reached N: widen once per branch variant, all from the same snapshot. */
  private List<Lane> branch(
      Lane prefix, String fired, TrainingSession.StepValues last, BatchOrder order, long seed) {
    TrainingSession s = prefix.session;
    long n = s.step();
    MlpWeights w = s.weights();
    OptimizerState state = s.optimizerState();
    Evaluator.Eval before = Evaluator.evaluate(s.model(), data.validation());
    List<Lane> lanes = new ArrayList<>();
    // Sessions own long-lived arrays: they must be created outside any NDScope, which would
    // free everything made inside it. Only the before-logits are held across branches.
    NDArray logitsBefore = Evaluator.logits(s.model(), data.validation());
    try {
      for (RunTracker t : prefix.runs) {
        VariantSpec v = variants.get(t.key());
        if (v.method() == Method.SMALL_CONTINUE) {
          t.branched(n, fired);
          lanes.add(
              new Lane(
                  new TrainingSession(data, config, w.copy(), state.copy(), n),
                  List.of(t),
                  Phase.SMALL,
                  totalSteps,
                  false,
                  null,
                  n));
          continue;
        }
        WideningOutcome out =
            Widening.widen(
                w.copy(), state.copy(), config.targetWidths(), v, seed, batchLoss(order, n));
        if (config.saveCheckpoints()) {
          saveCheckpoints(t.key(), w, state, out, n);
        }
        TrainingSession wide = new TrainingSession(data, config, out.weights(), out.state(), n);
        Evaluator.Eval after = Evaluator.evaluate(wide.model(), data.validation());
        Evaluator.Eval afterSubset = Evaluator.evaluate(wide.model(), data.valSubset());
        Evaluator.FunctionChange change =
            Evaluator.compare(logitsBefore, wide.model(), data.validation());
        WideningEvent e =
            new WideningEvent(
                t.key(),
                n,
                fired,
                before.loss(),
                after.loss(),
                before.accuracy(),
                after.accuracy(),
                change.meanAbsLogitChange(),
                change.meanKl(),
                last.valLoss(),
                last.valAcc(),
                out.layers(),
                out.energyScale(),
                w);
        bus.onWidening(e);
        t.widened(e, afterSubset.accuracy());
        lanes.add(new Lane(wide, List.of(t), Phase.WIDE, totalSteps, false, null, n));
      }
    } finally {
      logitsBefore.close();
    }
    s.close();
    return lanes;
  }

  /** The small model right before widening and the widened one right after (safetensors). */
  private void saveCheckpoints(
      RunKey key, MlpWeights small, OptimizerState smallState, WideningOutcome out, long n) {
    Path dir = dirs.get(key);
    Map<String, String> meta =
        Map.of(
            "activation",
            config.activation().id(),
            "step",
            Long.toString(n),
            "variant",
            key.variant(),
            "seed",
            Long.toString(key.seed()));
    try {
      Safetensors.write(
          dir.resolve("checkpoint-before-step" + n + ".safetensors"), small, smallState, meta);
      Safetensors.write(
          dir.resolve("checkpoint-after-step" + n + ".safetensors"),
          out.weights(),
          out.state(),
          meta);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Loss of a candidate model on the first batch after N (energy {@code fitted}). */
  private java.util.function.ToDoubleFunction<MlpWeights> batchLoss(BatchOrder order, long n) {
    return candidate -> {
      try (Mlp m = Mlp.of(data.manager(), candidate, config.activation());
          NDScope scope = new NDScope()) {
        scope.suppressNotUsedWarning();
        int epoch = (int) (n / stepsPerEpoch) + 1;
        int from = (int) (n % stepsPerEpoch) * config.batchSize();
        int to = Math.min(data.train().size(), from + config.batchSize());
        NDArray idx =
            data.manager().create(java.util.Arrays.copyOfRange(order.epoch(epoch), from, to));
        return Evaluator.crossEntropy(
                m.forward(data.train().x().get(idx)), data.train().y().get(idx))
            .getFloat();
      }
    };
  }

  private void complete(Lane lane) {
    Evaluator.Eval test = Evaluator.evaluate(lane.session.model(), data.test());
    long step = lane.session.step();
    for (RunTracker t : lane.runs) {
      t.tested(test.accuracy(), test.loss());
      bus.onMetric(new MetricEvent(t.key(), "Accuracy/Test", step, test.accuracy()));
      bus.onMetric(new MetricEvent(t.key(), "Loss/Test", step, test.loss()));
    }
    endAll(lane, RunStatus.COMPLETED, "completed " + step + " steps");
  }

  private void endAll(Lane lane, RunStatus status, String message) {
    for (RunTracker t : lane.runs) {
      t.finish();
      double seconds = (System.nanoTime() - startNanos.get(t.key())) / 1e9;
      RunFinished f = new RunFinished(t.key(), status, t.result(status, seconds), message);
      finished.add(f);
      bus.onRunEnd(f);
    }
    lane.session.close();
  }
}
