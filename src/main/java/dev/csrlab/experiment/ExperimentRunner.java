package dev.csrlab.experiment;

import dev.csrlab.config.ExperimentConfig;
import dev.csrlab.train.CancelToken;
import dev.csrlab.train.TrainingListener;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs every variant × seed of a config (SPEC §5): creates {@code <out>/<yyyyMMdd-HHmmss>-<name>/},
 * trains the shared small prefix once per seed, branches the widened variants from it, and writes
 * config.json and summary.json. Extra listeners (e.g. the GUI) receive every event of every run.
 * (Being written: signature is stable.)
 */
public final class ExperimentRunner {
  private final ExperimentConfig config;
  private final List<TrainingListener> listeners;
  private final Consumer<String> log;

  public ExperimentRunner(
      ExperimentConfig config, List<TrainingListener> listeners, Consumer<String> log) {
    this.config = config;
    this.listeners = List.copyOf(listeners);
    this.log = log;
  }

  /** Runs the experiment; returns its directory. Throws on invalid config before training. */
  public Path run(CancelToken cancel) throws java.io.IOException {
    throw new UnsupportedOperationException("runner not written yet " + config + listeners + log + cancel);
  }
}
