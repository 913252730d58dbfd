package dev.csrlab.log.tensorboard;

import dev.csrlab.growth.LayerWidening;
import dev.csrlab.log.RunDescription;
import dev.csrlab.log.heatmap.HeatmapRenderer;
import dev.csrlab.log.tensorboard.proto.Status;
import dev.csrlab.train.EpochEvent;
import dev.csrlab.train.MetricEvent;
import dev.csrlab.train.RunFinished;
import dev.csrlab.train.RunKey;
import dev.csrlab.train.RunStarted;
import dev.csrlab.train.RunStatus;
import dev.csrlab.train.StepEvent;
import dev.csrlab.train.TrainingListener;
import dev.csrlab.train.WideningEvent;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes each run's TensorBoard event file in its run directory, with the tags of SPEC §2. One
 * writer per run; a new writer (and file) when a run starts, closed when it finishes.
 *
 * <p>A failed write (disk full…) throws an {@link UncheckedIOException} whose cause is an {@link
 * EventFileException} naming the file — the loop decides whether to stop the run, but the loss of
 * data is never silent.
 */
public final class TensorBoardListener implements TrainingListener, Closeable {
  private final Map<RunKey, RunLog> runs = new ConcurrentHashMap<>();
  private final int cellPixels;

  public TensorBoardListener() {
    this(HeatmapRenderer.DEFAULT_CELL_PIXELS);
  }

  /**
   * @param cellPixels heatmap pixels per matrix cell (shrunk for large layers)
   */
  public TensorBoardListener(int cellPixels) {
    this.cellPixels = cellPixels;
  }

  /** Per-run state: the writer and what keeps steps increasing per tag. */
  private static final class RunLog {
    final EventFileWriter writer;
    long lastStep;
    long lastFullValStep = -1;

    RunLog(EventFileWriter writer) {
      this.writer = writer;
    }
  }

  @Override
  public void onRunStart(RunStarted e) {
    io(
        () -> {
          RunLog old = runs.remove(e.key());
          if (old != null) {
            old.writer.close();
          }
          RunLog log = new RunLog(EventFileWriter.create(e.runDir()));
          runs.put(e.key(), log);
          log.writer.writeText(Tags.CONFIG_TEXT, RunDescription.configMarkdown(e), 0);
          log.writer.writeSessionStart(RunDescription.hparams(e), e.variant().name());
          log.writer.flush();
        });
  }

  @Override
  public void onStep(StepEvent e) {
    RunLog log = log(e.key());
    io(
        () -> {
          EventFileWriter w = log.writer;
          w.writeScalar(Tags.LOSS_TRAIN, e.trainLoss(), e.step());
          w.writeScalar(Tags.LOSS_VAL, e.valLoss(), e.step());
          w.writeScalar(Tags.ACC_VAL_SUBSET, e.valAcc(), e.step());
          // fullValWindow: full-split validation every step near widening (NaN elsewhere).
          if (!Double.isNaN(e.fullValLoss()) || !Double.isNaN(e.fullValAcc())) {
            writeFullVal(log, e.step(), e.fullValLoss(), e.fullValAcc());
          }
          log.lastStep = Math.max(log.lastStep, e.step());
        });
  }

  @Override
  public void onEpochEnd(EpochEvent e) {
    RunLog log = log(e.key());
    io(
        () -> {
          // A step inside the fullValWindow may already carry this step's full-split values:
          // writing them twice would repeat a step, which TensorBoard treats as a restart.
          if (e.step() != log.lastFullValStep) {
            writeFullVal(log, e.step(), e.valLoss(), e.valAcc());
          }
          log.writer.flush();
        });
  }

  private static void writeFullVal(RunLog log, long step, double loss, double acc)
      throws IOException {
    if (!Double.isNaN(loss)) {
      log.writer.writeScalar(Tags.LOSS_VAL_FULL, loss, step);
    }
    if (!Double.isNaN(acc)) {
      log.writer.writeScalar(Tags.ACC_VAL, acc, step);
    }
    log.lastFullValStep = step;
  }

  @Override
  public void onWidening(WideningEvent e) {
    RunLog log = log(e.key());
    io(
        () -> {
          EventFileWriter w = log.writer;
          long n = e.step();
          w.writeScalar(Tags.VAL_LOSS_BEFORE, e.valLossBefore(), n);
          w.writeScalar(Tags.VAL_LOSS_AFTER, e.valLossAfter(), n);
          w.writeScalar(Tags.VAL_ACC_BEFORE, e.valAccBefore(), n);
          w.writeScalar(Tags.VAL_ACC_AFTER, e.valAccAfter(), n);
          w.writeScalar(Tags.EXPANSION_SHOCK, e.shock(), n);
          w.writeScalar(Tags.FUNCTION_ERROR, e.functionError(), n);
          w.writeScalar(Tags.FUNCTION_KL, e.functionKl(), n);
          for (LayerWidening layer : e.layers()) {
            writeLayer(w, layer, n);
          }
          log.lastStep = Math.max(log.lastStep, n);
          w.flush();
        });
  }

  private void writeLayer(EventFileWriter w, LayerWidening layer, long step) throws IOException {
    int l = layer.hidden();
    // Methods that do not seriate (Net2Net, scratch) report NaN: nothing to plot.
    scalarIfPresent(w, Tags.pathSimilarity(l, "before"), layer.pathBefore(), step);
    scalarIfPresent(w, Tags.pathSimilarity(l, "after"), layer.pathAfter(), step);
    scalarIfPresent(w, Tags.pathSimilarity(l, "random"), layer.pathRandom(), step);
    int n = layer.fromWidth();
    if (layer.similarity().length == n * n && n > 0) {
      w.writeImage(
          Tags.spectrum(l, "before"),
          HeatmapRenderer.render(layer.similarity(), n, n, cellPixels, true),
          step);
      w.writeImage(
          Tags.spectrum(l, "after"),
          HeatmapRenderer.render(layer.sortedSimilarity(), n, n, cellPixels, true),
          step);
    }
  }

  private static void scalarIfPresent(EventFileWriter w, String tag, double v, long step)
      throws IOException {
    if (!Double.isNaN(v)) {
      w.writeScalar(tag, v, step);
    }
  }

  @Override
  public void onMetric(MetricEvent e) {
    RunLog log = log(e.key());
    io(
        () -> {
          log.writer.writeScalar(e.tag(), e.value(), e.step());
          log.lastStep = Math.max(log.lastStep, e.step());
        });
  }

  @Override
  public void onRunEnd(RunFinished e) {
    RunLog log = runs.remove(e.key());
    if (log == null) {
      return;
    }
    io(
        () -> {
          try (EventFileWriter w = log.writer) {
            String text =
                "**"
                    + e.status().id()
                    + "**"
                    + (e.message() == null || e.message().isBlank() ? "" : ": " + e.message());
            w.writeText(Tags.STATUS_TEXT, text, log.lastStep);
            w.writeSessionEnd(sessionStatus(e.status()), log.lastStep);
          }
        });
  }

  /** Closes every writer still open (e.g. the experiment aborted before RunFinished). */
  @Override
  public void close() {
    List<IOException> errors = new ArrayList<>();
    for (RunKey key : List.copyOf(runs.keySet())) {
      RunLog log = runs.remove(key);
      try {
        log.writer.close();
      } catch (IOException ex) {
        errors.add(ex);
      }
    }
    if (!errors.isEmpty()) {
      UncheckedIOException first =
          new UncheckedIOException(errors.get(0).getMessage(), errors.get(0));
      errors.stream().skip(1).forEach(first::addSuppressed);
      throw first;
    }
  }

  static Status sessionStatus(RunStatus status) {
    return switch (status) {
      case COMPLETED -> Status.STATUS_SUCCESS;
      case DIVERGED, FAILED -> Status.STATUS_FAILURE;
      case CANCELLED -> Status.STATUS_UNKNOWN;
    };
  }

  private RunLog log(RunKey key) {
    RunLog log = runs.get(key);
    if (log == null) {
      throw new IllegalStateException(
          "TensorBoard: event for run " + key + " before its RunStarted (or after RunFinished)");
    }
    return log;
  }

  private interface IoAction {
    void run() throws IOException;
  }

  private static void io(IoAction action) {
    try {
      action.run();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex.getMessage(), ex);
    }
  }
}
