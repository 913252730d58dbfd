package dev.csrlab.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** Static report charts drawn with JFreeChart's AWT renderer and encoded as PNG. */
final class Charts {
  static final int WIDTH = 900;
  static final int HEIGHT = 420;
  private static final Color[] PALETTE = {
    new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
    new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
    new Color(0xbcbd22), new Color(0x17becf)
  };

  private Charts() {}

  /** Lines of per-variant means with a shaded ±1 std band across seeds. */
  static JFreeChart bands(
      String title, String xLabel, String yLabel, List<Band> bands, Double markerX) {
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    for (Band b : bands) {
      YIntervalSeries s = new YIntervalSeries(b.label() + " (n=" + b.seeds() + ")", false, true);
      for (int i = 0; i < b.x().length; i++) {
        s.add(b.x()[i], b.mean()[i], b.mean()[i] - b.sd()[i], b.mean()[i] + b.sd()[i]);
      }
      data.addSeries(s);
    }
    DeviationRenderer r = new DeviationRenderer(true, false);
    r.setAlpha(0.18f);
    for (int i = 0; i < bands.size(); i++) {
      Color c = PALETTE[i % PALETTE.length];
      r.setSeriesPaint(i, c);
      r.setSeriesFillPaint(i, c);
      r.setSeriesStroke(i, new BasicStroke(1.4f));
    }
    NumberAxis x = new NumberAxis(xLabel);
    x.setAutoRangeIncludesZero(false);
    NumberAxis y = new NumberAxis(yLabel);
    y.setAutoRangeIncludesZero(false);
    XYPlot plot = new XYPlot(data, x, y, r);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xdddddd));
    plot.setRangeGridlinePaint(new Color(0xdddddd));
    if (markerX != null) {
      ValueMarker m =
          new ValueMarker(
              markerX,
              Color.DARK_GRAY,
              new BasicStroke(
                  1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {4f, 4f}, 0f));
      plot.addDomainMarker(m);
    }
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    chart.addLegend(new LegendTitle(plot));
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }

  static byte[] png(JFreeChart chart) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot encode chart '" + chart.getTitle().getText() + "' as PNG", e);
    }
    return out.toByteArray();
  }
}
