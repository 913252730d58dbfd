package dev.csrlab.report;

import dev.csrlab.config.ExperimentConfig;
import dev.csrlab.report.Band.Curve;
import dev.csrlab.stats.Metric;
import dev.csrlab.train.RunKey;
import dev.csrlab.train.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report's figures: validation loss around widening (±{@value #WINDOW} steps) and over the
 * whole run, validation accuracy, accuracy against cumulative training FLOPs (each a mean ± std
 * band across seeds per variant), and the seriation heatmaps before/after widening.
 */
final class ReportFigures {
  static final int WINDOW = 200;
  static final int MAX_POINTS = 800;

  private ReportFigures() {}

  static void add(ReportDocument.Builder doc, ExperimentData data, Map<String, String> methods)
      throws IOException {
    if (data.series().isEmpty()) {
      doc.paragraph("No run has a metrics.csv, so no curves are drawn.");
      return;
    }
    Map<Long, Long> refN = referenceWideningSteps(data.runs());
    Double medianN = median(refN.values());
    List<Band> around = bands(data, methods, (r, s) -> curveAroundWidening(r, s, refN));
    if (around.stream().anyMatch(b -> b.x().length > 0)) {
      doc.figure(
          "loss-around-widening.png",
          Charts.png(
              Charts.bands(
                  "Validation loss (subset) around widening, ±" + WINDOW + " steps",
                  "steps after widening (0 = the widening update N)",
                  "validation loss",
                  around,
                  0.0)),
          "Subset validation loss from N−"
              + WINDOW
              + " to N+"
              + WINDOW
              + ", mean ± 1 std"
              + " across seeds per variant. Scratch is aligned on the same seed's widening step.");
    } else {
      doc.paragraph("No run widened, so there is no curve around widening.");
    }
    doc.figure(
        "loss-full-run.png",
        Charts.png(
            Charts.bands(
                "Validation loss (subset), full run",
                "optimizer step",
                "validation loss",
                bands(data, methods, (r, s) -> new Curve(steps(s), s.valLoss())),
                medianN)),
        "Subset validation loss per step, mean ± 1 std across seeds; dashed line: widening.");
    doc.figure(
        "accuracy-full-run.png",
        Charts.png(
            Charts.bands(
                "Validation accuracy (subset), full run",
                "optimizer step",
                "validation accuracy (%)",
                bands(data, methods, (r, s) -> new Curve(steps(s), percent(s.valAcc()))),
                medianN)),
        "Subset validation accuracy per step, mean ± 1 std across seeds.");
    ExperimentConfig c = data.config();
    double small = FlopsModel.perStep(c.widths(), c.batchSize());
    double wide = FlopsModel.perStep(c.targetWidths(), c.batchSize());
    doc.figure(
        "accuracy-vs-flops.png",
        Charts.png(
            Charts.bands(
                "Validation accuracy vs cumulative training compute",
                "training compute (GFLOP)",
                "validation accuracy (%)",
                bands(
                    data,
                    methods,
                    (r, s) ->
                        new Curve(
                            gflop(
                                FlopsModel.cumulative(
                                    s, r.method(), r.wideningStep(), small, wide)),
                            percent(s.valAcc()))),
                null)),
        "FLOPs per step = 6 · batch · Σ in·out over the layers (forward + backward): "
            + String.format(java.util.Locale.ROOT, "%.3g", small)
            + " for the small model, "
            + String.format(java.util.Locale.ROOT, "%.3g", wide)
            + " for the wide one."
            + " Scratch pays the wide cost from step 0; widened runs pay the small cost up to N.");
  }

  /** Heatmaps of the first seed that has them, per variant. */
  static void addHeatmaps(ReportDocument.Builder doc, ExperimentData data) throws IOException {
    Map<String, RunKey> firstWithMaps = new TreeMap<>();
    data.heatmaps()
        .forEach(
            (key, maps) -> {
              if (!maps.isEmpty()) {
                firstWithMaps.merge(key.variant(), key, (a, b) -> a.seed() <= b.seed() ? a : b);
              }
            });
    if (firstWithMaps.isEmpty()) {
      doc.paragraph(
          "No heatmap-hidden<l>-before/after.png files were found in the run" + " directories.");
      return;
    }
    for (RunKey key : firstWithMaps.values()) {
      for (Path p : data.heatmaps().get(key)) {
        String name = p.getFileName().toString();
        String when = name.endsWith("-before.png") ? "before" : "after";
        doc.figure(
            key.dirName() + "-" + name,
            Files.readAllBytes(p),
            key.dirName()
                + ": cosine similarity of hidden layer "
                + ExperimentData.layerOf(p)
                + " units, "
                + when
                + " widening");
      }
    }
  }

  private static List<Band> bands(
      ExperimentData data, Map<String, String> methods, RunCurve curve) {
    List<Band> out = new ArrayList<>();
    for (String variant : methods.keySet()) {
      List<Curve> curves = new ArrayList<>();
      for (RunResult r : data.runs()) {
        StepSeries s = data.series().get(new RunKey(r.variant(), r.seed()));
        if (r.variant().equals(variant) && s != null && "completed".equalsIgnoreCase(r.status())) {
          Curve c = curve.apply(r, s);
          if (c != null) {
            curves.add(c);
          }
        }
      }
      if (!curves.isEmpty()) {
        out.add(Band.across(variant, curves, MAX_POINTS));
      }
    }
    return out;
  }

  /** A curve from one run's result and series; null to skip the run. */
  @FunctionalInterface
  interface RunCurve {
    Curve apply(RunResult r, StepSeries s);
  }

  private static Curve curveAroundWidening(RunResult r, StepSeries s, Map<Long, Long> refN) {
    long n =
        Metric.widens(r) && r.wideningStep() >= 0
            ? r.wideningStep()
            : refN.getOrDefault(r.seed(), -1L);
    if (n < 0) {
      return null;
    }
    List<Double> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (int i = 0; i < s.size(); i++) {
      long rel = s.step()[i] - n;
      if (Math.abs(rel) <= WINDOW) {
        x.add((double) rel);
        y.add(s.valLoss()[i]);
      }
    }
    return new Curve(
        x.stream().mapToDouble(Double::doubleValue).toArray(),
        y.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** Seed → widening step of that seed's first widened run (shared small prefix, SPEC §5). */
  static Map<Long, Long> referenceWideningSteps(List<RunResult> runs) {
    Map<Long, Long> ref = new TreeMap<>();
    for (RunResult r : runs) {
      if (Metric.widens(r) && r.wideningStep() >= 0) {
        ref.putIfAbsent(r.seed(), r.wideningStep());
      }
    }
    return ref;
  }

  private static Double median(java.util.Collection<Long> xs) {
    if (xs.isEmpty()) {
      return null;
    }
    List<Long> sorted = xs.stream().sorted().toList();
    return (double) sorted.get(sorted.size() / 2);
  }

  private static double[] steps(StepSeries s) {
    double[] x = new double[s.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = s.step()[i];
    }
    return x;
  }

  private static double[] gflop(double[] flops) {
    double[] out = new double[flops.length];
    for (int i = 0; i < flops.length; i++) {
      out[i] = flops[i] / 1e9;
    }
    return out;
  }

  private static double[] percent(double[] acc) {
    double[] out = new double[acc.length];
    for (int i = 0; i < acc.length; i++) {
      out[i] = 100 * acc[i];
    }
    return out;
  }
}
