package dev.csrlab.ui.heatmap;

import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The Fiedler vector in sorted order: the 1-D embedding the seriation sorts units by. */
final class FiedlerChart {
  private final XYSeriesCollection data = new XYSeriesCollection();
  private final JFreeChart chart;
  private final ChartViewer viewer;

  FiedlerChart() {
    chart = ChartFactory.createXYLineChart("Fiedler vector (sorted)", "position in new order",
        "value", data, PlotOrientation.VERTICAL, false, false, false);
    chart.getTitle().setFont(new Font("SansSerif", Font.BOLD, 12));
    chart.setBackgroundPaint(Color.WHITE);
    XYPlot p = chart.getXYPlot();
    p.setBackgroundPaint(Color.WHITE);
    p.setDomainGridlinePaint(new Color(0xdddddd));
    p.setRangeGridlinePaint(new Color(0xdddddd));
    p.getRenderer().setSeriesPaint(0, new Color(0x2ca02c));
    viewer = new ChartViewer(chart);
  }

  ChartViewer viewer() {
    return viewer;
  }

  JFreeChart chart() {
    return chart;
  }

  void show(double[] sorted) {
    XYSeries s = new XYSeries("Fiedler");
    for (int i = 0; i < sorted.length; i++) {
      s.add(i, sorted[i], false);
    }
    data.removeAllSeries();
    data.addSeries(s);
    chart.setTitle(sorted.length == 0 ? "Fiedler vector (not saved for this layer)"
        : "Fiedler vector (sorted)");
  }
}
