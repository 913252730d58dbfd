package dev.csrlab.report;

import dev.csrlab.config.ConfigJson;
import dev.csrlab.config.VariantSpec;
import dev.csrlab.stats.Numbers;
import dev.csrlab.stats.StudyAnalysis;
import dev.csrlab.stats.StudyAnalyzer;
import dev.csrlab.train.RunResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the experiment report (SPEC §2, §5): a self-contained {@code report.html} (figures
 * embedded as base64 PNG) and {@code report.md} with the same content and its figures as PNG files
 * beside it. The statistics are recomputed from summary.json's runs and config.json, so the report
 * never disagrees with the analysis code that produced it.
 */
public final class ReportWriter {
  private ReportWriter() {}

  /** Reads {@code experimentDir}, writes report.html and report.md into {@code outDir}. */
  public static Path write(Path experimentDir, Path outDir) throws IOException {
    ExperimentData data = ExperimentData.load(experimentDir);
    StudyAnalysis analysis = StudyAnalyzer.analyze(data.runs(), data.config());
    ReportDocument doc = build(data, analysis);
    Files.createDirectories(outDir);
    Path html = outDir.resolve("report.html");
    writeAtomically(html, HtmlRenderer.render(doc));
    writeAtomically(outDir.resolve("report.md"), MarkdownRenderer.render(doc, outDir));
    return html;
  }

  static ReportDocument build(ExperimentData data, StudyAnalysis a) throws IOException {
    ReportDocument.Builder doc =
        new ReportDocument.Builder("CSR Lab report — " + data.experiment());
    doc.paragraph(overview(data, a));
    for (String w : data.warnings()) {
      doc.paragraph("Warning: " + w + ".");
    }
    doc.heading(1, "Success criteria (SPEC §2)");
    ReportTables.verdicts(doc, a);
    doc.heading(1, "Curves");
    ReportFigures.add(doc, data, variantMethods(data));
    doc.heading(1, "Per-variant statistics");
    doc.paragraph(
        "Completed runs only: mean ± sample std [95% t-interval] (n). Test accuracy in"
            + " percent. "
            + a.censoringNote());
    ReportTables.variantStats(doc, a);
    doc.heading(1, "Paired comparisons");
    doc.paragraph(
        "Differences are first − second, paired by seed over seeds where both runs"
            + " completed; paired t-test, two-sided. "
            + a.familyNote());
    ReportTables.comparisons(doc, a);
    doc.heading(2, "Non-inferiority of final test accuracy (criterion 3)");
    ReportTables.nonInferiority(doc, a);
    doc.heading(2, "Recovery, censoring-aware");
    ReportTables.recovery(doc, a);
    doc.heading(1, "Runs");
    ReportTables.runs(doc, data.runs());
    doc.heading(1, "Seriation heatmaps");
    ReportFigures.addHeatmaps(doc, data);
    doc.heading(1, "Environment");
    environment(doc, data);
    doc.heading(1, "Configuration");
    doc.code(ConfigJson.toJson(data.config()));
    return doc.build();
  }

  private static String overview(ExperimentData data, StudyAnalysis a) {
    long completed =
        data.runs().stream().filter(r -> "completed".equalsIgnoreCase(r.status())).count();
    String roles =
        a.roles().isEmpty()
            ? "none of the protocol roles A/B/C"
            : a.roles().toString().replace("{", "").replace("}", "");
    return "Experiment "
        + data.experiment()
        + (data.created().isEmpty() ? "" : ", created " + data.created())
        + ": dataset "
        + data.config().dataset()
        + ", widths "
        + data.config().widths()
        + " → "
        + data.config().targetWidths()
        + ", "
        + a.seeds().size()
        + " seed(s) "
        + a.seeds()
        + ", "
        + data.runs().size()
        + " run(s) of which "
        + completed
        + " completed; roles "
        + roles
        + "."
        + (Double.isNaN(data.wallSeconds())
            ? ""
            : " Wall time " + Numbers.format(data.wallSeconds()) + " s.");
  }

  /** Variant → method: the config's variants, then any the runs add (same rule as stats). */
  static Map<String, String> variantMethods(ExperimentData data) {
    Map<String, String> m = new LinkedHashMap<>();
    for (VariantSpec v : data.config().variants()) {
      m.put(v.name(), v.method().id());
    }
    for (RunResult r : data.runs()) {
      m.putIfAbsent(r.variant(), r.method());
    }
    return m;
  }

  private static void environment(ReportDocument.Builder doc, ExperimentData data) {
    List<List<String>> rows = new ArrayList<>();
    String[][] known = {
      {"java", "Java"},
      {"os", "OS"},
      {"cores", "CPU cores"},
      {"djl", "DJL"},
      {"pytorch", "PyTorch"},
      {"device", "device"},
      {"git_commit", "git commit"}
    };
    Map<String, String> env = new LinkedHashMap<>(data.environment());
    for (String[] k : known) {
      rows.add(List.of(k[1], env.containsKey(k[0]) ? env.remove(k[0]) : "not recorded"));
    }
    env.forEach((k, v) -> rows.add(List.of(k, v)));
    doc.paragraph("Machine and versions of the training run, from summary.json \"environment\".");
    doc.table(List.of("item", "value"), rows);
    doc.paragraph(
        "Report generated "
            + Instant.now()
            + " by Java "
            + System.getProperty("java.version")
            + " on "
            + System.getProperty("os.name")
            + " "
            + System.getProperty("os.arch")
            + " with "
            + Runtime.getRuntime().availableProcessors()
            + " cores, from "
            + data.dir().toAbsolutePath()
            + ".");
  }

  /** Writes via a temporary file and a rename, so a reader never sees a half-written report. */
  private static void writeAtomically(Path file, String text) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
