package dev.csrlab.ui;

import dev.csrlab.ui.run.TaskExecutor;
import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs submitted work only when the test says so, on the test's thread (no FX needed). */
public final class FakeExecutor implements TaskExecutor {
  private final ArrayDeque<Runnable> pending = new ArrayDeque<>();

  @Override
  public <T> void execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
    pending.add(() -> {
      T result;
      try {
        result = work.call();
      } catch (Exception | Error e) {
        onFailure.accept(e);
        return;
      }
      onSuccess.accept(result);
    });
  }

  public int pendingCount() {
    return pending.size();
  }

  /** Runs the oldest pending work and its callback. */
  public void runNext() {
    if (pending.isEmpty()) {
      throw new AssertionError("no pending work");
    }
    pending.poll().run();
  }
}
