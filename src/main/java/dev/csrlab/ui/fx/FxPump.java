package dev.csrlab.ui.fx;

import javafx.animation.AnimationTimer;

/**
 * Calls {@code frame} on the FX thread at most {@code maxFps} times a second (an AnimationTimer
 * fires at the display rate, ~60 Hz; training emits hundreds of steps a second). Every view update
 * that follows training happens inside that one callback.
 */
public final class FxPump extends AnimationTimer {
  private final long minIntervalNanos;
  private final Runnable frame;
  private long last = Long.MIN_VALUE;

  public FxPump(double maxFps, Runnable frame) {
    if (!(maxFps > 0)) {
      throw new IllegalArgumentException("maxFps must be > 0, got " + maxFps);
    }
    this.minIntervalNanos = (long) (1e9 / maxFps);
    this.frame = frame;
  }

  @Override
  public void handle(long now) {
    if (last != Long.MIN_VALUE && now - last < minIntervalNanos) {
      return;
    }
    last = now;
    frame.run();
  }
}
