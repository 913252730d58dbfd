package dev.csrlab.ui.run;

import java.util.ArrayDeque;

/**
 * Steps per second over the last {@code windowNanos}, from (time, cumulative steps) samples
 * stamped on the training thread: frame timing would otherwise quantise the rate to 30 Hz.
 */
public final class RateMeter {
  private record Sample(long nanos, long steps) {}

  private final ArrayDeque<Sample> samples = new ArrayDeque<>();
  private final long windowNanos;
  private long total;

  public RateMeter(long windowNanos) {
    this.windowNanos = windowNanos;
  }

  public void reset() {
    samples.clear();
    total = 0;
  }

  /** Records that {@code steps} more updates were made by time {@code nanos}. */
  public void add(long nanos, long steps) {
    total += steps;
    samples.addLast(new Sample(nanos, total));
    while (samples.size() > 2 && nanos - samples.peekFirst().nanos() > windowNanos) {
      samples.removeFirst();
    }
  }

  /** Rate over the window, or NaN until two samples are at least 50 ms apart. */
  public double perSecond() {
    if (samples.size() < 2) {
      return Double.NaN;
    }
    Sample a = samples.peekFirst();
    Sample b = samples.peekLast();
    long dt = b.nanos() - a.nanos();
    return dt < 50_000_000L ? Double.NaN : (b.steps() - a.steps()) * 1e9 / dt;
  }
}
