package dev.csrlab.log.console;

import dev.csrlab.log.RunDescription;
import dev.csrlab.log.tensorboard.Tags;
import dev.csrlab.train.EpochEvent;
import dev.csrlab.train.MetricEvent;
import dev.csrlab.train.RunFinished;
import dev.csrlab.train.RunKey;
import dev.csrlab.train.RunResult;
import dev.csrlab.train.RunStarted;
import dev.csrlab.train.RunStatus;
import dev.csrlab.train.StepEvent;
import dev.csrlab.train.TrainingListener;
import dev.csrlab.train.WideningEvent;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Console output of an experiment (SPEC §3): a tqdm-style progress bar per epoch, a metrics line at
 * every epoch end, a marked block right after widening, a line when recovery happens and a line
 * when a run ends.
 *
 * <p>On a terminal the bar is redrawn in place with {@code '\r'} at most 10 times a second; lanes
 * that advance in lockstep share that one line (the first lane to draw holds it for its epoch).
 * When the output is not a terminal (CI logs, files) every lane prints a plain line at each quarter
 * of an epoch instead.
 *
 * <p>The small-model steps shared by every widened variant of a seed arrive once per variant with
 * the same step numbers (interleaved, or replayed one variant after another); each shared step and
 * epoch is shown once, under the label {@code shared-seed<k>}.
 *
 * <p>{@code quiet} mode prints only the widening blocks, recovery lines and run ends.
 */
public final class ConsoleReporter implements TrainingListener {
  static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  static final long OWNER_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final PrintStream out;
  private final boolean quiet;
  private final boolean interactive;
  private final boolean unicode;
  private final LongSupplier nanoTime;
  private final Map<RunKey, RunState> runs = new HashMap<>();
  private final Map<String, BarState> bars = new HashMap<>();

  /** Per seed, the highest shared step / epoch already shown. */
  private final Map<Long, Long> sharedStepShown = new HashMap<>();

  private final Map<Long, Long> sharedEpochShown = new HashMap<>();
  private final Set<RunKey> finished = new HashSet<>();

  /** Label whose bar holds the terminal line (interactive mode), and when it last drew. */
  private String lineOwner;

  private long ownerSeenNanos;
  private boolean barOpen;
  private int lastBarLength;

  private ConsoleReporter(Builder b) {
    this.out = b.out;
    this.quiet = b.quiet;
    this.interactive = b.interactive;
    this.unicode = b.unicode;
    this.nanoTime = b.nanoTime;
  }

  /** Defaults: not quiet; a terminal when {@code System.console() != null}. */
  public static Builder builder(PrintStream out) {
    return new Builder(out);
  }

  /** Builder in DJL style: required stream, optional settings. */
  public static final class Builder {
    private final PrintStream out;
    private boolean quiet;
    private boolean interactive = System.console() != null;
    private boolean unicode = Charset.defaultCharset().newEncoder().canEncode("█▏━→");
    private LongSupplier nanoTime = System::nanoTime;

    private Builder(PrintStream out) {
      this.out = out;
    }

    public Builder optQuiet(boolean quiet) {
      this.quiet = quiet;
      return this;
    }

    /** True: redraw the bar with '\r'; false: a plain line every quarter epoch. */
    public Builder optInteractive(boolean interactive) {
      this.interactive = interactive;
      return this;
    }

    /** Block characters and arrows; false falls back to ASCII. */
    public Builder optUnicode(boolean unicode) {
      this.unicode = unicode;
      return this;
    }

    public Builder optNanoTime(LongSupplier nanoTime) {
      this.nanoTime = nanoTime;
      return this;
    }

    public ConsoleReporter build() {
      return new ConsoleReporter(this);
    }
  }

  /** A run's start event and whether its latest step belonged to the shared prefix. */
  private static final class RunState {
    final RunStarted start;
    boolean lastStepShared;

    RunState(RunStarted start) {
      this.start = start;
    }
  }

  /** What one bar (a run, or a seed's shared prefix) needs between steps. */
  private static final class BarState {
    int epoch = -1;
    long epochStartNanos;
    long epochFirstStep;
    long lastDrawNanos;
    int lastQuarter;
  }

  @Override
  public synchronized void onRunStart(RunStarted e) {
    if (finished.contains(e.key())) {
      // The same run again: a new experiment in this JVM (e.g. the window's second run).
      finished.clear();
      sharedStepShown.clear();
      sharedEpochShown.clear();
      bars.clear();
    }
    runs.put(e.key(), new RunState(e));
    if (quiet) {
      return;
    }
    String target =
        e.variant().method().widens()
            ? " -> " + RunDescription.widths(e.config().targetWidths())
            : "";
    println(
        String.format(
            Locale.ROOT,
            "%s start: %s (method %s), widths %s%s, %d steps, %s",
            e.key(),
            e.variant().name(),
            e.variant().method().id(),
            RunDescription.widths(e.startWidths()),
            target,
            e.totalSteps(),
            e.device()));
  }

  @Override
  public synchronized void onStep(StepEvent e) {
    RunState s = runs.get(e.key());
    if (s == null) {
      return;
    }
    s.lastStepShared = e.shared();
    if (quiet || !firstShowing(sharedStepShown, e.key(), e.shared(), e.step())) {
      return;
    }
    String label = label(e.key(), e.shared());
    BarState bar = bars.computeIfAbsent(label, k -> new BarState());
    long now = nanoTime.getAsLong();
    long perEpoch = Math.max(1, s.start.stepsPerEpoch());
    if (e.epoch() != bar.epoch) {
      bar.epoch = e.epoch();
      bar.epochStartNanos = now;
      bar.epochFirstStep = e.step();
      bar.lastDrawNanos = now - REDRAW_NANOS; // draw the first step at once
      bar.lastQuarter = 0;
    }
    long done = Math.max(0, Math.min(perEpoch, e.step() - (long) (e.epoch() - 1) * perEpoch));
    double elapsed = (now - bar.epochStartNanos) / 1e9;
    // Timing starts at the epoch's first event, so that step itself is not in the rate.
    long timed = e.step() - bar.epochFirstStep;
    double rate = timed > 0 && elapsed > 0 ? timed / elapsed : Double.NaN;
    String line =
        ProgressBar.line(
            label,
            e.epoch(),
            s.start.config().epochs(),
            done,
            perEpoch,
            elapsed,
            rate,
            e.trainLoss(),
            unicode);
    if (interactive) {
      drawInPlace(label, bar, line, done == perEpoch, now);
    } else {
      int quarter = (int) (4 * done / perEpoch);
      if (quarter > bar.lastQuarter) {
        bar.lastQuarter = quarter;
        println(line);
      }
    }
  }

  @Override
  public synchronized void onEpochEnd(EpochEvent e) {
    RunState s = runs.get(e.key());
    if (quiet
        || s == null
        || !firstShowing(sharedEpochShown, e.key(), s.lastStepShared, e.epoch())) {
      return;
    }
    println(
        String.format(
            Locale.ROOT,
            "%s ep %d/%d done: train loss %.4f | val loss %.4f | val acc %s | %.1f s",
            label(e.key(), s.lastStepShared),
            e.epoch(),
            s.start.config().epochs(),
            e.meanTrainLoss(),
            e.valLoss(),
            WideningBlock.pct(e.valAcc()),
            e.seconds()));
  }

  @Override
  public synchronized void onWidening(WideningEvent e) {
    endBar();
    out.print(WideningBlock.format(e, unicode));
    out.flush();
  }

  @Override
  public synchronized void onMetric(MetricEvent e) {
    if (Tags.RECOVERY_STEPS.equals(e.tag())) {
      println(
          String.format(
              Locale.ROOT,
              "%s recovered: subset val accuracy back at its before-widening value %d steps after"
                  + " widening (step %d)",
              e.key(),
              Math.round(e.value()),
              e.step()));
    } else if (!quiet) {
      String value =
          e.tag().startsWith("Accuracy/")
              ? WideningBlock.pct(e.value())
              : String.format(Locale.ROOT, "%.4f", e.value());
      println(
          String.format(Locale.ROOT, "%s %s = %s at step %d", e.key(), e.tag(), value, e.step()));
    }
  }

  @Override
  public synchronized void onRunEnd(RunFinished e) {
    runs.remove(e.key());
    bars.remove(e.key().dirName());
    finished.add(e.key());
    StringBuilder sb = new StringBuilder();
    sb.append(e.key()).append(' ');
    sb.append(
        e.status() == RunStatus.COMPLETED
            ? "finished: completed"
            : "finished: " + e.status().id().toUpperCase(Locale.ROOT));
    if (e.message() != null && !e.message().isBlank()) {
      sb.append(" (").append(e.message()).append(')');
    }
    RunResult r = e.result();
    if (r != null) {
      sb.append(
          String.format(
              Locale.ROOT,
              " | test acc %s | test loss %.4f | %d steps | %.1f s",
              WideningBlock.pct(r.finalTestAccuracy()),
              r.finalTestLoss(),
              r.steps(),
              r.seconds()));
      if (r.wideningStep() > 0 && !r.recovered()) {
        sb.append(" | never recovered its before-widening accuracy");
      }
    }
    println(sb.toString());
  }

  /**
   * Shared-prefix events arrive once per widened variant of a seed (interleaved or replayed): only
   * the first arrival of each step (or epoch) number is shown.
   */
  private static boolean firstShowing(
      Map<Long, Long> shown, RunKey key, boolean shared, long number) {
    if (!shared) {
      return true;
    }
    Long last = shown.get(key.seed());
    if (last != null && number <= last) {
      return false;
    }
    shown.put(key.seed(), number);
    return true;
  }

  private static String label(RunKey key, boolean shared) {
    return shared ? "shared-seed" + key.seed() : key.dirName();
  }

  /**
   * The lanes of a seed (scratch, the shared prefix, the branches) advance round-robin, in
   * lockstep: one terminal line shows one of them, the first to draw, until its epoch completes (or
   * it falls silent for a second); the others report through their epoch lines.
   */
  private void drawInPlace(String label, BarState bar, String line, boolean last, long now) {
    boolean free =
        lineOwner == null || lineOwner.equals(label) || now - ownerSeenNanos > OWNER_TIMEOUT_NANOS;
    if (!free) {
      return;
    }
    lineOwner = label;
    ownerSeenNanos = now;
    if (last || now - bar.lastDrawNanos >= REDRAW_NANOS) {
      drawBar(line);
      bar.lastDrawNanos = now;
    }
    if (last) {
      lineOwner = null;
    }
  }

  private void drawBar(String line) {
    int pad = Math.max(0, lastBarLength - line.length());
    out.print("\r" + line + " ".repeat(pad));
    out.flush();
    barOpen = true;
    lastBarLength = line.length();
  }

  private void endBar() {
    lineOwner = null;
    if (barOpen) {
      out.print('\n');
      barOpen = false;
      lastBarLength = 0;
    }
  }

  private void println(String line) {
    endBar();
    out.print(line + "\n");
    out.flush();
  }
}
