package dev.csrlab.experiment;

import dev.csrlab.config.ExperimentConfig;
import dev.csrlab.log.CsvMetricsListener;
import dev.csrlab.log.console.ConsoleReporter;
import dev.csrlab.log.heatmap.HeatmapFilesListener;
import dev.csrlab.log.tensorboard.TensorBoardListener;
import dev.csrlab.train.TrainingListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Which standard sinks an experiment writes to: files always, the console optionally. */
public final class Sinks {
  private final boolean console;
  private final boolean quiet;

  private Sinks(boolean console, boolean quiet) {
    this.console = console;
    this.quiet = quiet;
  }

  /** Run directory files only (GUI, tests). */
  public static Sinks files() {
    return new Sinks(false, false);
  }

  /** Files plus the tqdm-style console reporter ({@code quiet}: widening blocks and ends only). */
  public static Sinks console(boolean quiet) {
    return new Sinks(true, quiet);
  }

  List<TrainingListener> create(Path dir, ExperimentConfig config, Consumer<String> log) {
    List<TrainingListener> l = new ArrayList<>();
    l.add(new CsvMetricsListener());
    l.add(new TensorBoardListener());
    l.add(new HeatmapFilesListener());
    if (console) {
      l.add(ConsoleReporter.builder(System.out).optQuiet(quiet).build());
    }
    return l;
  }
}
