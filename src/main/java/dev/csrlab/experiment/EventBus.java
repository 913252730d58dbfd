package dev.csrlab.experiment;

import dev.csrlab.train.EpochEvent;
import dev.csrlab.train.MetricEvent;
import dev.csrlab.train.RunFinished;
import dev.csrlab.train.RunStarted;
import dev.csrlab.train.StepEvent;
import dev.csrlab.train.TrainingListener;
import dev.csrlab.train.WideningEvent;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Fans every training event out to the standard sinks and the caller's listeners, in order. Calls
 * are serialised (seeds may run on parallel threads; sinks need not be thread-safe).
 */
final class EventBus implements TrainingListener, AutoCloseable {
  private final List<TrainingListener> all = new ArrayList<>();

  EventBus(List<TrainingListener> sinks, List<TrainingListener> extra) {
    all.addAll(sinks);
    all.addAll(extra);
  }

  @Override
  public synchronized void onRunStart(RunStarted e) {
    all.forEach(l -> l.onRunStart(e));
  }

  @Override
  public synchronized void onStep(StepEvent e) {
    for (TrainingListener l : all) {
      l.onStep(e);
    }
  }

  @Override
  public synchronized void onEpochEnd(EpochEvent e) {
    all.forEach(l -> l.onEpochEnd(e));
  }

  @Override
  public synchronized void onWidening(WideningEvent e) {
    all.forEach(l -> l.onWidening(e));
  }

  @Override
  public synchronized void onMetric(MetricEvent e) {
    all.forEach(l -> l.onMetric(e));
  }

  @Override
  public synchronized void onRunEnd(RunFinished e) {
    all.forEach(l -> l.onRunEnd(e));
  }

  /** Closes sinks that hold files (event writers, CSVs). */
  @Override
  public synchronized void close() throws IOException {
    for (TrainingListener l : all) {
      if (l instanceof Closeable c) {
        c.close();
      }
    }
  }
}
