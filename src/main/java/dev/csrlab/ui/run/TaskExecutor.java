package dev.csrlab.ui.run;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs long work off the UI thread (JabRef's TaskExecutor, reduced to what the lab needs). The
 * GUI adapts it to {@code javafx.concurrent.Task} ({@link FxTaskExecutor}); ViewModel tests use a
 * fake that runs work when the test says so.
 */
public interface TaskExecutor {
  /**
   * Starts {@code work} on a background thread. Exactly one of the callbacks is then called, on
   * the UI thread: {@code onSuccess} with the result, or {@code onFailure} with what was thrown.
   */
  <T> void execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

  /** Stops accepting work; running work may finish (its cancel token is what stops it). */
  default void shutdown() {}
}
