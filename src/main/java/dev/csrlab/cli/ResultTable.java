package dev.csrlab.cli;

import dev.csrlab.config.ExperimentConfig;
import dev.csrlab.experiment.ExperimentOutcome;
import dev.csrlab.stats.Verdict;
import dev.csrlab.train.RunFinished;
import dev.csrlab.train.RunResult;
import dev.csrlab.train.RunStatus;
import java.io.PrintStream;
import java.util.Locale;

/** The closing table of {@code csr-lab run}: one row per run. */
final class ResultTable {
  private ResultTable() {}

  static void print(ExperimentOutcome o, ExperimentConfig c, PrintStream out) {
    out.println();
    out.printf(
        Locale.ROOT,
        "%-22s %5s %-10s %9s %9s %9s %9s %8s%n",
        "variant",
        "seed",
        "status",
        "shock",
        "peak",
        "fn_err",
        "recovery",
        "test_acc");
    for (RunFinished f : o.runs()) {
      RunResult r = f.result();
      out.printf(
          Locale.ROOT,
          "%-22s %5d %-10s %9s %9s %9s %9s %8s%n",
          r.variant(),
          r.seed(),
          r.status(),
          num(r.shock()),
          num(r.peakShock()),
          num(r.functionError()),
          r.wideningStep() < 0 ? "-" : r.recovered() ? Long.toString(r.recoverySteps()) : "never",
          Double.isNaN(r.finalTestAccuracy())
              ? "-"
              : String.format(Locale.ROOT, "%.2f%%", 100 * r.finalTestAccuracy()));
    }
    out.println();
    if (o.analysis() != null) {
      out.println(
          "Success criteria (SPEC §2; margin "
              + c.nonInferiorityMargin()
              + " pp, "
              + c.seeds().size()
              + " seed"
              + (c.seeds().size() == 1 ? "" : "s")
              + "):");
      for (Verdict v : o.analysis().verdicts()) {
        out.printf(
            Locale.ROOT,
            "  (%d) %-48s %s%n",
            v.criterion(),
            v.claim(),
            v.outcome().text().toUpperCase(Locale.ROOT));
        out.println("      " + v.sentence());
        if (v.note() != null && !v.note().isBlank()) {
          out.println("      note: " + v.note());
        }
      }
      out.println("  " + o.analysis().resolutionNote());
    }
    for (RunFinished f : o.runs()) {
      if (f.status() != RunStatus.COMPLETED) {
        out.println("  " + f.key() + " " + f.status().id() + ": " + f.message());
      }
    }
    out.println("run directory: " + o.directory());
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%+.4f", v);
  }
}
