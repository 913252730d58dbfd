package dev.csrlab.log.console;

import java.util.Locale;

/**
 * Formats one tqdm-style progress line (SPEC §3), e.g. {@code continuous-seed0 ep 3/10 45%|█████▍ |
 * 211/469 [00:01<00:01, 412.3 it/s, loss=0.1234]}. Pure formatting: no timing, no I/O.
 */
public final class ProgressBar {
  static final int WIDTH = 10;
  private static final String EIGHTHS = " ▏▎▍▌▋▊▉";

  private ProgressBar() {}

  /**
   * @param done updates finished in this epoch
   * @param total updates of the epoch
   * @param elapsedSeconds time since the epoch began
   * @param rate updates per second, NaN while unknown
   * @param unicode block characters when true, {@code #} when the stream cannot encode them
   */
  public static String line(
      String label,
      int epoch,
      int epochs,
      long done,
      long total,
      double elapsedSeconds,
      double rate,
      double loss,
      boolean unicode) {
    double f = total <= 0 ? 1.0 : Math.max(0.0, Math.min(1.0, done / (double) total));
    String remaining =
        rate > 0 && Double.isFinite(rate) ? clock(Math.max(0, total - done) / rate) : "?";
    String speed =
        rate > 0 && Double.isFinite(rate)
            ? String.format(Locale.ROOT, "%.1f it/s", rate)
            : "? it/s";
    return String.format(
        Locale.ROOT,
        "%s ep %d/%d %3d%%|%s| %d/%d [%s<%s, %s, loss=%.4f]",
        label,
        epoch,
        epochs,
        (int) Math.floor(100 * f),
        bar(f, unicode),
        done,
        total,
        clock(elapsedSeconds),
        remaining,
        speed,
        loss);
  }

  /** The {@value #WIDTH}-character bar, in eighths of a cell with Unicode blocks. */
  static String bar(double fraction, boolean unicode) {
    double f = Math.max(0.0, Math.min(1.0, fraction));
    StringBuilder sb = new StringBuilder(WIDTH);
    if (unicode) {
      int eighths = (int) Math.floor(f * WIDTH * 8);
      sb.append("█".repeat(eighths / 8));
      if (eighths % 8 > 0) {
        sb.append(EIGHTHS.charAt(eighths % 8));
      }
    } else {
      sb.append("#".repeat((int) Math.floor(f * WIDTH)));
    }
    while (sb.length() < WIDTH) {
      sb.append(' ');
    }
    return sb.toString();
  }

  /** {@code mm:ss}, or {@code h:mm:ss} from one hour on. */
  static String clock(double seconds) {
    if (!Double.isFinite(seconds) || seconds < 0) {
      return "?";
    }
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
        : String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
  }
}
