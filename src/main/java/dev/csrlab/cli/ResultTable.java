package dev.csrlab.cli;

import dev.csrlab.config.ExperimentConfig;
import dev.csrlab.experiment.ExperimentOutcome;
import dev.csrlab.train.RunFinished;
import dev.csrlab.train.RunResult;
import java.io.PrintStream;
import java.util.Locale;

/** The closing table of {@code csr-lab run}: one row per run. */
final class ResultTable {
  private ResultTable() {}

  static void print(ExperimentOutcome o, ExperimentConfig c, PrintStream out) {
    out.println();
    out.printf(Locale.ROOT, "%-22s %5s %-10s %9s %9s %9s %9s %8s%n", "variant", "seed", "status",
        "shock", "peak", "fn_err", "recovery", "test_acc");
    for (RunFinished f : o.runs()) {
      RunResult r = f.result();
      out.printf(Locale.ROOT, "%-22s %5d %-10s %9s %9s %9s %9s %8s%n", r.variant(), r.seed(),
          r.status(), num(r.shock()), num(r.peakShock()), num(r.functionError()),
          r.wideningStep() < 0 ? "-" : r.recovered() ? Long.toString(r.recoverySteps()) : "never",
          Double.isNaN(r.finalTestAccuracy()) ? "-"
              : String.format(Locale.ROOT, "%.2f%%", 100 * r.finalTestAccuracy()));
    }
    out.println();
    out.println("run directory: " + o.directory());
    c.getClass();
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%+.4f", v);
  }
}
