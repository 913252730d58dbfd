package dev.csrlab.report;

import static dev.csrlab.stats.Numbers.format;
import static dev.csrlab.stats.Numbers.p;

import dev.csrlab.stats.Comparison;
import dev.csrlab.stats.Metric;
import dev.csrlab.stats.MetricSummary;
import dev.csrlab.stats.NonInferiority;
import dev.csrlab.stats.RecoveryComparison;
import dev.csrlab.stats.StudyAnalysis;
import dev.csrlab.stats.VariantStats;
import dev.csrlab.stats.Verdict;
import dev.csrlab.train.RunResult;
import java.util.ArrayList;
import java.util.List;

/** The report's tables, built from {@link StudyAnalysis} and the runs of summary.json. */
final class ReportTables {
  private ReportTables() {}

  static void verdicts(ReportDocument.Builder doc, StudyAnalysis a) {
    List<List<String>> rows = new ArrayList<>();
    for (Verdict v : a.verdicts()) {
      rows.add(List.of("(" + v.criterion() + ")", v.claim(), v.outcome().text(), v.sentence()));
    }
    doc.table(List.of("criterion", "claim", "outcome", "what the data say"), rows);
    for (Verdict v : a.verdicts()) {
      doc.paragraph(
          "("
              + v.criterion()
              + ") Test: "
              + v.test()
              + "."
              + (v.note() == null ? "" : " Note: " + v.note()));
    }
    doc.paragraph("What these seeds can resolve: " + a.resolutionNote());
  }

  /** Rows = metrics, columns = variants; cell = mean ± sd [95% CI] (n). */
  static void variantStats(ReportDocument.Builder doc, StudyAnalysis a) {
    List<String> header = new ArrayList<>(List.of("metric", "unit"));
    for (VariantStats v : a.variants()) {
      header.add(v.variant() + (v.role() == null ? "" : " (" + v.role() + ")"));
    }
    List<List<String>> rows = new ArrayList<>();
    for (Metric m : Metric.values()) {
      List<String> row = new ArrayList<>(List.of(m.key(), m.unit()));
      boolean any = false;
      for (VariantStats v : a.variants()) {
        MetricSummary s = v.metric(m);
        any |= s != null;
        row.add(s == null ? "—" : cell(s));
      }
      if (any) {
        rows.add(row);
      }
    }
    List<String> counts = new ArrayList<>(List.of("completed runs", ""));
    List<String> recovery = new ArrayList<>(List.of("recovery", ""));
    for (VariantStats v : a.variants()) {
      counts.add(v.completed() + " of " + v.runs());
      recovery.add(v.recoverySummary());
    }
    rows.add(counts);
    rows.add(recovery);
    doc.table(header, rows);
  }

  private static String cell(MetricSummary s) {
    String ci = s.n() < 2 ? "" : " [" + format(s.ciLow()) + ", " + format(s.ciHigh()) + "]";
    String sd = s.n() < 2 ? "" : " ± " + format(s.sd());
    String cens = s.censored() > 0 ? ", " + s.censored() + " censored" : "";
    return format(s.mean()) + sd + ci + " (n=" + s.n() + cens + ")";
  }

  static void comparisons(ReportDocument.Builder doc, StudyAnalysis a) {
    List<List<String>> rows = new ArrayList<>();
    for (Comparison c : a.comparisons()) {
      rows.add(
          List.of(
              c.metric().key(),
              c.treatment() + " − " + c.reference(),
              String.valueOf(c.nPairs()),
              format(c.meanDiff()) + " " + c.unit(),
              c.nPairs() < 2 ? "—" : format(c.ciLow()) + " to " + format(c.ciHigh()),
              format(c.t()),
              p(c.p()),
              p(c.pHolm()),
              c.censoredPairs() > 0 ? String.valueOf(c.censoredPairs()) : ""));
    }
    doc.table(
        List.of(
            "metric",
            "difference",
            "pairs",
            "mean diff",
            "95% CI",
            "t",
            "p",
            "p (Holm)",
            "censored pairs"),
        rows);
  }

  static void nonInferiority(ReportDocument.Builder doc, StudyAnalysis a) {
    if (a.nonInferiority().isEmpty()) {
      doc.paragraph("No non-inferiority test was made (criterion (3) needs A, B and C).");
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    for (NonInferiority n : a.nonInferiority()) {
      rows.add(
          List.of(
              n.treatment() + " − " + n.reference(),
              String.valueOf(n.nPairs()),
              format(n.meanDiffPp()),
              format(n.lowerBoundPp()),
              format(n.upperBoundPp()),
              format(n.marginPp()),
              p(n.p()),
              p(n.pHolm()),
              p(n.pInferiorHolm()),
              n.conclusion()));
    }
    doc.table(
        List.of(
            "accuracy difference",
            "pairs",
            "mean (pp)",
            "95% lower bound (pp)",
            "95% upper bound (pp)",
            "margin (pp)",
            "NI p",
            "NI p (Holm)",
            "inferiority p (Holm)",
            "conclusion"),
        rows);
  }

  static void recovery(ReportDocument.Builder doc, StudyAnalysis a) {
    if (a.recovery().isEmpty()) {
      doc.paragraph("No pair of widened variants to compare recovery for.");
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    for (RecoveryComparison r : a.recovery()) {
      rows.add(
          List.of(
              r.treatment() + " vs " + r.reference(),
              String.valueOf(r.nPairs()),
              String.valueOf(r.treatmentFaster()),
              String.valueOf(r.referenceFaster()),
              String.valueOf(r.ties()),
              String.valueOf(r.undetermined()),
              r.treatmentRecovered() + " / " + r.referenceRecovered(),
              p(r.p()),
              p(r.pHolm())));
    }
    doc.table(
        List.of(
            "comparison",
            "pairs",
            "first faster",
            "second faster",
            "ties",
            "undetermined",
            "recovered (first / second)",
            "sign test p",
            "p (Holm)"),
        rows);
  }

  static void runs(ReportDocument.Builder doc, List<RunResult> runs) {
    List<List<String>> rows = new ArrayList<>();
    List<List<String>> paths = new ArrayList<>();
    for (RunResult r : runs) {
      rows.add(
          List.of(
              r.variant(),
              String.valueOf(r.seed()),
              str(r.status()),
              r.wideningStep() < 0 ? "—" : String.valueOf(r.wideningStep()),
              str(r.trigger()),
              format(r.shock()),
              format(r.peakShock()),
              format(r.functionError()),
              !Metric.widens(r) ? "—" : r.recovered() ? String.valueOf(r.recoverySteps()) : "never",
              format(100 * r.finalTestAccuracy()),
              format(r.finalTestLoss()),
              format(r.bestValLoss())
                  + (r.bestValEpoch() >= 0 ? " (ep " + r.bestValEpoch() + ")" : ""),
              String.valueOf(r.steps()),
              format(r.seconds())));
      if (r.pathSimilarity() != null) {
        for (RunResult.LayerPath lp : r.pathSimilarity()) {
          paths.add(
              List.of(
                  r.variant() + "-seed" + r.seed(),
                  String.valueOf(lp.hidden()),
                  format(lp.before()),
                  format(lp.after()),
                  format(lp.random())));
        }
      }
    }
    doc.table(
        List.of(
            "variant",
            "seed",
            "status",
            "N",
            "trigger",
            "shock",
            "peak shock",
            "function error",
            "recovery steps",
            "test acc (%)",
            "test loss",
            "best val loss",
            "steps",
            "seconds"),
        rows);
    if (!paths.isEmpty()) {
      doc.paragraph(
          "Path similarity (Σ cosine of adjacent units) per widened layer: trained"
              + " order, new order, and the expected value for a random order.");
      doc.table(List.of("run", "hidden layer", "before", "after", "random"), paths);
    }
  }

  private static String str(String s) {
    return s == null ? "—" : s;
  }
}
