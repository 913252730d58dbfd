package dev.csrlab.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One run's metrics.csv (SPEC §5: {@code step,epoch,train_loss,val_loss,val_acc,lr,phase}, one row
 * per step). Columns are found by header name, so extra columns are ignored and a missing column
 * reads as NaN (or an empty phase); an empty cell is NaN.
 */
public record StepSeries(
    long[] step,
    int[] epoch,
    double[] trainLoss,
    double[] valLoss,
    double[] valAcc,
    double[] lr,
    String[] phase) {

  public int size() {
    return step.length;
  }

  /** Reads metrics.csv; a malformed number is reported with its file, line and column. */
  public static StepSeries read(Path csv) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (header == null) {
        throw new IOException(csv + " is empty: expected a header line starting with 'step'");
      }
      List<String> cols = Arrays.stream(header.split(",", -1)).map(String::trim).toList();
      int iStep = cols.indexOf("step");
      if (iStep < 0) {
        throw new IOException(csv + ": header has no 'step' column: " + header);
      }
      int[] idx = {
        cols.indexOf("epoch"),
        cols.indexOf("train_loss"),
        cols.indexOf("val_loss"),
        cols.indexOf("val_acc"),
        cols.indexOf("lr"),
        cols.indexOf("phase")
      };
      List<String[]> rows = new ArrayList<>();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) {
          rows.add(line.split(",", -1));
        }
      }
      return parse(csv, rows, iStep, idx, cols.get(iStep));
    }
  }

  private static StepSeries parse(
      Path csv, List<String[]> rows, int iStep, int[] idx, String stepName) throws IOException {
    int n = rows.size();
    long[] step = new long[n];
    int[] epoch = new int[n];
    double[][] d = new double[4][n];
    String[] phase = new String[n];
    for (int r = 0; r < n; r++) {
      String[] row = rows.get(r);
      int line = r + 2;
      step[r] = (long) number(csv, line, stepName, cell(row, iStep));
      double e = number(csv, line, "epoch", cell(row, idx[0]));
      epoch[r] = Double.isNaN(e) ? -1 : (int) e;
      for (int k = 0; k < 4; k++) {
        d[k][r] = number(csv, line, "column " + (idx[k + 1] + 1), cell(row, idx[k + 1]));
      }
      phase[r] = cell(row, idx[5]).trim();
    }
    return new StepSeries(step, epoch, d[0], d[1], d[2], d[3], phase);
  }

  private static String cell(String[] row, int i) {
    return i >= 0 && i < row.length ? row[i] : "";
  }

  private static double number(Path csv, int line, String col, String text) throws IOException {
    String t = text.trim();
    if (t.isEmpty() || t.equalsIgnoreCase("nan")) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(t);
    } catch (NumberFormatException e) {
      throw new IOException(csv + " line " + line + ": " + col + " is not a number: '" + t + "'");
    }
  }
}
