package dev.csrlab.ui.history;

import dev.csrlab.train.Phase;
import dev.csrlab.ui.session.RunSeries;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * metrics.csv of a run (SPEC §5: step,epoch,train_loss,val_loss,val_acc,lr,phase), read by
 * column name so extra columns or a different order do not break History. Unparseable rows (a
 * crash mid-line) are skipped, not fatal.
 */
public final class MetricsCsv {
  public static final List<String> HEADER =
      List.of("step", "epoch", "train_loss", "val_loss", "val_acc", "lr", "phase");

  private MetricsCsv() {}

  public static void read(Path file, RunSeries into) throws IOException {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String first = r.readLine();
      if (first == null) {
        return;
      }
      List<String> cols = Arrays.stream(first.split(",")).map(String::trim).toList();
      int[] idx = HEADER.stream().mapToInt(cols::indexOf).toArray();
      if (idx[0] < 0) {
        throw new IOException(file + ": header has no 'step' column: " + first);
      }
      String line;
      while ((line = r.readLine()) != null) {
        String[] f = line.split(",", -1);
        try {
          into.append((long) num(f, idx[0]), (int) num(f, idx[1]), num(f, idx[2]), num(f, idx[3]),
              num(f, idx[4]), num(f, idx[5]), phase(f, idx[6]));
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
          // A truncated last line after a crash: keep what was written before it.
        }
      }
    }
  }

  private static double num(String[] f, int i) {
    if (i < 0 || f[i].isBlank()) {
      return Double.NaN;
    }
    String t = f[i].trim();
    return t.equalsIgnoreCase("nan") ? Double.NaN : Double.parseDouble(t);
  }

  private static Phase phase(String[] f, int i) {
    return i >= 0 && f[i].trim().equalsIgnoreCase("wide") ? Phase.WIDE : Phase.SMALL;
  }

  /** Writes rows in the run-directory format, so an export reads back like a run. */
  public static void write(RunSeries s, Path file) throws IOException {
    StringBuilder sb = new StringBuilder(String.join(",", HEADER)).append('\n');
    for (int i = 0; i < s.size(); i++) {
      sb.append((long) s.steps()[i]).append(',').append(s.epochColumn()[i]).append(',')
          .append(s.trainLoss()[i]).append(',').append(s.valLoss()[i]).append(',')
          .append(s.valAcc()[i]).append(',').append(s.lr()[i]).append(',')
          .append(s.phaseAt(i) == null ? "" : s.phaseAt(i).id()).append('\n');
    }
    Files.writeString(file, sb, StandardCharsets.UTF_8);
  }
}
