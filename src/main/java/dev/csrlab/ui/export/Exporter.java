package dev.csrlab.ui.export;

import dev.csrlab.growth.LayerWidening;
import dev.csrlab.log.heatmap.HeatmapRenderer;
import dev.csrlab.train.RunKey;
import dev.csrlab.ui.chart.Metric;
import dev.csrlab.ui.history.MetricsCsv;
import dev.csrlab.ui.results.ResultsViewModel;
import dev.csrlab.ui.results.ResultsViewModel.Row;
import dev.csrlab.ui.session.Criterion;
import dev.csrlab.ui.session.RunSeries;
import dev.csrlab.ui.session.Session;
import dev.csrlab.ui.session.WideningInfo;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

/**
 * Writes what the window shows to files whose names say what they are: charts as PNG and SVG,
 * heatmaps as PNG (the lab's one renderer, with its colour bar), per-run metrics and the results
 * table as CSV. Pure AWT/JFreeChart: callable from tests without a window.
 */
public final class Exporter {
  public static final int CHART_WIDTH = 1200;
  public static final int CHART_HEIGHT = 700;

  private Exporter() {}

  public static void chartPng(JFreeChart chart, Path file) throws IOException {
    ChartUtils.saveChartAsPNG(file.toFile(), chart, CHART_WIDTH, CHART_HEIGHT);
  }

  public static void chartSvg(JFreeChart chart, Path file) throws IOException {
    SVGGraphics2D g = new SVGGraphics2D(CHART_WIDTH, CHART_HEIGHT);
    chart.draw(g, new Rectangle(0, 0, CHART_WIDTH, CHART_HEIGHT));
    SVGUtils.writeToSVG(file.toFile(), g.getSVGElement());
  }

  /** {@code after}: rows and columns in the seriated order. */
  public static void heatmapPng(LayerWidening layer, boolean after, Path file) throws IOException {
    int n = layer.fromWidth();
    float[] m = after ? layer.sortedSimilarity() : layer.similarity();
    Files.write(file, HeatmapRenderer.png(
        HeatmapRenderer.render(m, n, n, HeatmapRenderer.DEFAULT_CELL_PIXELS, true)));
  }

  public static void metricsCsv(RunSeries s, Path file) throws IOException {
    MetricsCsv.write(s, file);
  }

  public static void resultsCsv(Session s, Path file) throws IOException {
    StringBuilder sb = new StringBuilder("variant,method,seeds,shock_mean,shock_std,"
        + "peak_shock_mean,peak_shock_std,function_error_mean,function_error_std,"
        + "recovery_steps_mean,recovery_steps_std,recovered,final_test_accuracy_mean,"
        + "final_test_accuracy_std\n");
    for (Row r : ResultsViewModel.rows(s)) {
      sb.append(csv(r.variant())).append(',').append(csv(r.method())).append(',')
          .append(r.seeds()).append(',').append(r.shock().mean()).append(',')
          .append(r.shock().std()).append(',').append(r.peakShock().mean()).append(',')
          .append(r.peakShock().std()).append(',').append(r.functionError().mean()).append(',')
          .append(r.functionError().std()).append(',').append(r.recoverySteps().mean())
          .append(',').append(r.recoverySteps().std()).append(',').append(r.recovered())
          .append(',').append(r.testAccuracy().mean()).append(',')
          .append(r.testAccuracy().std()).append('\n');
    }
    sb.append('\n').append("criterion,verdict,evidence,provisional\n");
    for (Criterion c : ResultsViewModel.criteria(s)) {
      sb.append(csv(c.name())).append(',').append(c.verdict()).append(',')
          .append(csv(c.detail())).append(',').append(c.provisional()).append('\n');
    }
    Files.writeString(file, sb, StandardCharsets.UTF_8);
  }

  private static String csv(String s) {
    if (s == null) {
      return "";
    }
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

  /**
   * Everything into a new folder {@code export-<experiment>-<time>} under {@code parent}; returns
   * the files written.
   */
  public static List<Path> exportAll(Path parent, Session s, Map<Metric, JFreeChart> charts,
      LocalDateTime now) throws IOException {
    String name = s.experimentDir() != null ? s.experimentDir().getFileName().toString()
        : s.config() != null ? s.config().name() : "live";
    Path dir = parent.resolve("export-" + name + "-"
        + now.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>();
    for (Map.Entry<Metric, JFreeChart> e : charts.entrySet()) {
      Path png = dir.resolve("chart-" + e.getKey().fileName() + ".png");
      Path svg = dir.resolve("chart-" + e.getKey().fileName() + ".svg");
      chartPng(e.getValue(), png);
      chartSvg(e.getValue(), svg);
      written.add(png);
      written.add(svg);
    }
    for (Map.Entry<RunKey, WideningInfo> e : s.wideningList()) {
      for (LayerWidening l : e.getValue().layers()) {
        if (l.fromWidth() > 0 && l.similarity().length == l.fromWidth() * l.fromWidth()) {
          String base = "heatmap-" + e.getKey().dirName() + "-hidden" + l.hidden();
          Path before = dir.resolve(base + "-before-seriation.png");
          Path after = dir.resolve(base + "-after-seriation.png");
          heatmapPng(l, false, before);
          heatmapPng(l, true, after);
          written.add(before);
          written.add(after);
        }
      }
    }
    for (RunSeries r : s.allSeries()) {
      if (r.size() > 0) {
        Path f = dir.resolve("metrics-" + r.key().dirName() + ".csv");
        metricsCsv(r, f);
        written.add(f);
      }
    }
    Path results = dir.resolve("results-per-variant.csv");
    resultsCsv(s, results);
    written.add(results);
    return written;
  }
}
