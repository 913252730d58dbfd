package dev.csrlab.ui.run;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/**
 * {@link TaskExecutor} on {@code javafx.concurrent.Task}: work runs on a daemon "engine" thread,
 * and the Task delivers success/failure on the FX thread (so callbacks may touch the scene).
 */
public final class FxTaskExecutor implements TaskExecutor {
  private final ExecutorService pool =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "csr-lab-engine");
            // Daemon: closing the window must not wait for training; the cancel token stops it.
            t.setDaemon(true);
            return t;
          });

  @Override
  public <T> void execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
    Task<T> task =
        new Task<>() {
          @Override
          protected T call() throws Exception {
            return work.call();
          }
        };
    task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
    task.setOnFailed(e -> onFailure.accept(task.getException()));
    pool.execute(task);
  }

  /**
   * Waits up to a few seconds for running work: after the window's cancel, the engine returns
   * within a step and then writes summary.json and closes its event files — let it, rather than
   * exit mid-write.
   */
  @Override
  public void shutdown() {
    pool.shutdown();
    try {
      pool.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
