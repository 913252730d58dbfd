package dev.csrlab.ui.fx;

import dev.csrlab.train.EpochEvent;
import dev.csrlab.train.MetricEvent;
import dev.csrlab.train.RunFinished;
import dev.csrlab.train.RunStarted;
import dev.csrlab.train.StepEvent;
import dev.csrlab.train.TrainingListener;
import dev.csrlab.train.WideningEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.LongSupplier;

/**
 * The hand-off from the training thread to the GUI: the engine calls the listener methods (cheap:
 * one lock-free offer each), and the FX thread drains everything that arrived in one batch per
 * frame ({@link FxPump}). This is the one place where training events cross threads, so no view
 * ever calls {@code Platform.runLater} per step (STYLE: GUI updates are batched).
 */
public final class EventQueue implements TrainingListener {
  /** One event with the time it left the training thread (for steps/s, not frame time). */
  public record Stamped(long nanos, Object event) {}

  /** A line the runner logged (its {@code Consumer<String> log}). */
  public record LogLine(String text) {}

  private final ConcurrentLinkedQueue<Stamped> queue = new ConcurrentLinkedQueue<>();
  private final LongSupplier clock;

  public EventQueue() {
    this(System::nanoTime);
  }

  public EventQueue(LongSupplier clock) {
    this.clock = clock;
  }

  private void offer(Object event) {
    queue.offer(new Stamped(clock.getAsLong(), event));
  }

  /** The runner's log consumer: lines travel with the events, in order. */
  public void log(String line) {
    offer(new LogLine(line));
  }

  @Override
  public void onRunStart(RunStarted e) {
    offer(e);
  }

  @Override
  public void onStep(StepEvent e) {
    offer(e);
  }

  @Override
  public void onEpochEnd(EpochEvent e) {
    offer(e);
  }

  @Override
  public void onWidening(WideningEvent e) {
    offer(e);
  }

  @Override
  public void onMetric(MetricEvent e) {
    offer(e);
  }

  @Override
  public void onRunEnd(RunFinished e) {
    offer(e);
  }

  /** Removes and returns everything queued so far, oldest first (empty list when idle). */
  public List<Stamped> drain() {
    List<Stamped> out = new ArrayList<>();
    Stamped s;
    while ((s = queue.poll()) != null) {
      out.add(s);
    }
    return out;
  }

  public boolean isEmpty() {
    return queue.isEmpty();
  }
}
