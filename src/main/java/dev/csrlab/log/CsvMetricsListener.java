package dev.csrlab.log;

import dev.csrlab.train.EpochEvent;
import dev.csrlab.train.RunFinished;
import dev.csrlab.train.RunKey;
import dev.csrlab.train.RunStarted;
import dev.csrlab.train.StepEvent;
import dev.csrlab.train.TrainingListener;
import dev.csrlab.train.WideningEvent;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes {@code metrics.csv} (one row per update, SPEC §5) and {@code epochs.csv} (one row per
 * epoch) into each run directory. Rows are buffered and flushed at epoch end, at widening and when
 * the run ends, so a crash loses at most the current epoch's tail. Files are created new; a failed
 * write throws an {@link UncheckedIOException} naming the file.
 */
public final class CsvMetricsListener implements TrainingListener, Closeable {
  public static final String METRICS_FILE = "metrics.csv";
  public static final String EPOCHS_FILE = "epochs.csv";

  /** SPEC §5, exactly. */
  public static final String METRICS_HEADER = "step,epoch,train_loss,val_loss,val_acc,lr,phase";

  public static final String EPOCHS_HEADER =
      "epoch,step,mean_train_loss,val_loss_full,val_acc_full,seconds";

  private final Map<RunKey, RunFiles> runs = new ConcurrentHashMap<>();

  /** The two open files of one run. */
  private static final class RunFiles {
    final CsvFile metrics;
    final CsvFile epochs;

    RunFiles(CsvFile metrics, CsvFile epochs) {
      this.metrics = metrics;
      this.epochs = epochs;
    }

    void flush() {
      metrics.flush();
      epochs.flush();
    }

    void close() {
      try {
        metrics.close();
      } finally {
        epochs.close();
      }
    }
  }

  @Override
  public void onRunStart(RunStarted e) {
    RunFiles old = runs.remove(e.key());
    if (old != null) {
      old.close();
    }
    CsvFile metrics = CsvFile.create(e.runDir().resolve(METRICS_FILE), METRICS_HEADER);
    CsvFile epochs;
    try {
      epochs = CsvFile.create(e.runDir().resolve(EPOCHS_FILE), EPOCHS_HEADER);
    } catch (UncheckedIOException ex) {
      metrics.close();
      throw ex;
    }
    runs.put(e.key(), new RunFiles(metrics, epochs));
  }

  @Override
  public void onStep(StepEvent e) {
    files(e.key())
        .metrics
        .row(
            String.valueOf(e.step()),
            String.valueOf(e.epoch()),
            num(e.trainLoss()),
            num(e.valLoss()),
            num(e.valAcc()),
            num(e.lr()),
            e.phase().id());
  }

  @Override
  public void onEpochEnd(EpochEvent e) {
    RunFiles f = files(e.key());
    f.epochs.row(
        String.valueOf(e.epoch()),
        String.valueOf(e.step()),
        num(e.meanTrainLoss()),
        num(e.valLoss()),
        num(e.valAcc()),
        num(e.seconds()));
    f.flush();
  }

  @Override
  public void onWidening(WideningEvent e) {
    files(e.key()).flush();
  }

  @Override
  public void onRunEnd(RunFinished e) {
    RunFiles f = runs.remove(e.key());
    if (f != null) {
      f.close();
    }
  }

  /** Closes the files of runs that never finished (aborted experiment). */
  @Override
  public void close() {
    List<RuntimeException> errors = new ArrayList<>();
    for (RunKey key : List.copyOf(runs.keySet())) {
      try {
        runs.remove(key).close();
      } catch (RuntimeException ex) {
        errors.add(ex);
      }
    }
    if (!errors.isEmpty()) {
      errors.stream().skip(1).forEach(errors.get(0)::addSuppressed);
      throw errors.get(0);
    }
  }

  private RunFiles files(RunKey key) {
    RunFiles f = runs.get(key);
    if (f == null) {
      throw new IllegalStateException(
          "metrics.csv: event for run " + key + " before its RunStarted (or after RunFinished)");
    }
    return f;
  }

  /** Full precision; NaN and infinities spelled the way numpy and pandas parse them. */
  static String num(double v) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    return Double.toString(v);
  }

  /** One CSV file; every I/O failure becomes an UncheckedIOException that names it. */
  static final class CsvFile {
    private final Path path;
    private final Writer out;

    private CsvFile(Path path, Writer out) {
      this.path = path;
      this.out = out;
    }

    static CsvFile create(Path path, String header) {
      try {
        Writer w =
            Files.newBufferedWriter(
                path,
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        CsvFile f = new CsvFile(path, w);
        f.line(header);
        return f;
      } catch (IOException ex) {
        throw failure(path, ex);
      }
    }

    void row(String... cells) {
      line(String.join(",", cells));
    }

    private void line(String text) {
      try {
        out.write(text);
        out.write('\n');
      } catch (IOException ex) {
        throw failure(path, ex);
      }
    }

    void flush() {
      try {
        out.flush();
      } catch (IOException ex) {
        throw failure(path, ex);
      }
    }

    void close() {
      try {
        out.close();
      } catch (IOException ex) {
        throw failure(path, ex);
      }
    }

    private static UncheckedIOException failure(Path path, IOException ex) {
      return new UncheckedIOException(
          "cannot write "
              + path
              + ": "
              + ex
              + ". Free disk space or choose another output"
              + " directory (existing files are never overwritten)",
          ex);
    }
  }
}
