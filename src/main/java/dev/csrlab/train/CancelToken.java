package dev.csrlab.train;

import java.util.concurrent.atomic.AtomicBoolean;

/** Set from any thread (GUI Cancel, Ctrl-C, SIGTERM); checked by the loop at every step. */
public final class CancelToken {
  private final AtomicBoolean cancelled = new AtomicBoolean();

  public void cancel() {
    cancelled.set(true);
  }

  public boolean isCancelled() {
    return cancelled.get();
  }
}
