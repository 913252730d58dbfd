package dev.csrlab.ui.fx;

/**
 * Time the FX thread spends in the frame callback (draining events and redrawing). This is the
 * GUI's cost; the training thread only pays one queue offer per event. Read it to measure GUI
 * overhead: {@code mean ms × frames/s} is the share of one core the window takes.
 */
public final class FrameStats {
  private long frames;
  private long totalNanos;
  private long maxNanos;

  public void record(long nanos) {
    frames++;
    totalNanos += nanos;
    maxNanos = Math.max(maxNanos, nanos);
  }

  public long frames() {
    return frames;
  }

  public double meanMillis() {
    return frames == 0 ? 0 : totalNanos / 1e6 / frames;
  }

  public double maxMillis() {
    return maxNanos / 1e6;
  }

  public double totalSeconds() {
    return totalNanos / 1e9;
  }

  public void reset() {
    frames = 0;
    totalNanos = 0;
    maxNanos = 0;
  }

  @Override
  public String toString() {
    return String.format("%d frames, mean %.2f ms, max %.1f ms, total %.2f s", frames,
        meanMillis(), maxMillis(), totalSeconds());
  }
}
