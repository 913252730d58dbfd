package dev.csrlab.ui.run;

import dev.csrlab.config.ExperimentConfig;
import dev.csrlab.experiment.ExperimentRunner;
import dev.csrlab.train.CancelToken;
import dev.csrlab.train.TrainingListener;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the window needs from the engine: run a config, feed a listener, honour a cancel token,
 * return the experiment directory. The real one is {@link ExperimentRunner}; tests substitute an
 * event source so no ViewModel test trains a network.
 */
@FunctionalInterface
public interface ExperimentEngine {
  Path run(ExperimentConfig config, TrainingListener listener, Consumer<String> log,
      CancelToken cancel) throws Exception;

  /** The lab's engine: {@link ExperimentRunner} (the same runner the CLI uses). */
  static ExperimentEngine runner() {
    return (config, listener, log, cancel) ->
        new ExperimentRunner(config, List.of(listener), log).run(cancel);
  }
}
