package dev.csrlab.ui.chart;

import dev.csrlab.ui.chart.ChartsViewModel.SeriesData;
import dev.csrlab.ui.chart.ChartsViewModel.WideningMarker;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.entity.EntityCollection;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.PanHandlerFX;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYDataset;

/**
 * One live chart (JFreeChart in a ChartViewer): drag to zoom, Shift- or Alt-drag to pan, wheel
 * to zoom, double-click to reset. Its dataset is re-downsampled for whatever step range is
 * visible, so zooming into the widening shows every raw step there.
 */
public final class ChartPane {
  private static final Font TITLE = new Font("SansSerif", Font.BOLD, 13);
  private static final BasicStroke MARKER_STROKE = new BasicStroke(
      1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);

  private final Metric metric;
  private final ChartsViewModel vm;
  private final ArrayXYDataset dataset = new ArrayXYDataset();
  private final XYLineAndShapeRenderer renderer = new LinesWithoutEntities();
  private final XYPlot plot;
  private final JFreeChart chart;
  private final ChartViewer viewer;
  private List<WideningMarker> shownMarkers = List.of();
  private boolean updating;
  private boolean dirty = true;

  public ChartPane(Metric metric, ChartsViewModel vm) {
    this.metric = metric;
    this.vm = vm;
    NumberAxis x = new NumberAxis("step");
    x.setAutoRangeIncludesZero(false);
    plot = new XYPlot(dataset, x, rangeAxis(false), renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xdddddd));
    plot.setRangeGridlinePaint(new Color(0xdddddd));
    plot.setDomainPannable(true);
    plot.setRangePannable(true);
    chart = new JFreeChart(metric.title(), TITLE, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setTitle(new TextTitle(metric.title(), TITLE));
    renderer.setDefaultStroke(new BasicStroke(1.3f));
    // One path per series instead of one stroke per segment: far fewer canvas operations.
    renderer.setDrawSeriesLineAsPath(true);
    renderer.setAutoPopulateSeriesStroke(false);
    viewer = new ChartViewer(chart);
    viewer.getCanvas().setTooltipEnabled(false);
    viewer.getCanvas().addMouseHandler(new PanHandlerFX("pan-shift", false, false, false, true));
    viewer.getCanvas().setOnMouseClicked(e -> {
      if (e.getClickCount() == 2) {
        resetZoom();
      }
    });
    x.addChangeListener(e -> dirty |= !updating);
    vm.logYProperty().addListener((o, a, b) -> applyLogY());
  }

  public Metric metric() {
    return metric;
  }

  public JFreeChart chart() {
    return chart;
  }

  public ChartViewer viewer() {
    return viewer;
  }

  /** Number of drawn lines (one per run). */
  public int seriesCount() {
    return dataset.getSeriesCount();
  }

  /** Points drawn for line {@code series}, after downsampling. */
  public int itemCount(int series) {
    return dataset.getItemCount(series);
  }

  public String seriesKey(int series) {
    return String.valueOf(dataset.getSeriesKey(series));
  }

  public List<Double> markerSteps() {
    return plot.getDomainMarkers(Layer.FOREGROUND) == null ? List.of()
        : plot.getDomainMarkers(Layer.FOREGROUND).stream()
            .map(m -> ((ValueMarker) m).getValue()).toList();
  }

  public void invalidate() {
    dirty = true;
  }

  /** Redraws from the view model if the data, the settings or the visible range changed. */
  public void update(boolean dataChanged) {
    if (!dataChanged && !dirty) {
      return;
    }
    dirty = false;
    updating = true;
    chart.setNotify(false);
    try {
      double[] range = visibleRange();
      List<SeriesData> data = range == null ? List.of()
          : vm.series(metric, range[0], range[1], buckets());
      dataset.set(data.stream().map(SeriesData::label).toList(),
          data.stream().map(SeriesData::points).toList());
      for (int i = 0; i < data.size(); i++) {
        renderer.setSeriesPaint(i, VariantPalette.colour(data.get(i).colourIndex()), false);
      }
      updateMarkers(vm.markers());
    } finally {
      chart.setNotify(true);
      updating = false;
    }
  }

  private double[] visibleRange() {
    ValueAxis x = plot.getDomainAxis();
    return x.isAutoRange() ? vm.dataRange() : new double[] {x.getLowerBound(), x.getUpperBound()};
  }

  /** One bucket per 2 px: its min and max make one vertical stroke there, as the raw data would. */
  private int buckets() {
    double w = viewer.getWidth();
    return (int) Math.max(100, Math.min(1000, w > 0 ? w / 2 : 1000));
  }

  private void updateMarkers(List<WideningMarker> markers) {
    if (markers.equals(shownMarkers)) {
      return;
    }
    shownMarkers = markers;
    plot.clearDomainMarkers();
    for (WideningMarker m : markers) {
      ValueMarker vmk = new ValueMarker(m.step(), new Color(0x444444), MARKER_STROKE);
      vmk.setLabel(m.label());
      vmk.setLabelFont(new Font("SansSerif", Font.PLAIN, 11));
      vmk.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
      vmk.setLabelTextAnchor(TextAnchor.TOP_LEFT);
      vmk.setLabelBackgroundColor(new Color(255, 255, 255, 210));
      plot.addDomainMarker(vmk, Layer.FOREGROUND);
    }
  }

  /** Shows steps [lo, hi] with the value axis fitted to what is visible there. */
  public void zoomTo(double lo, double hi) {
    plot.getDomainAxis().setRange(lo, hi);
    plot.getRangeAxis().setAutoRange(true);
    dirty = true;
  }

  public void resetZoom() {
    plot.getDomainAxis().setAutoRange(true);
    plot.getRangeAxis().setAutoRange(true);
    dirty = true;
  }

  private void applyLogY() {
    if (metric.isLoss()) {
      plot.setRangeAxis(rangeAxis(vm.logYProperty().get()));
      dirty = true;
    }
  }

  private ValueAxis rangeAxis(boolean log) {
    if (log && metric.isLoss()) {
      // LogarithmicAxis labels 0.2, 0.3, … 1, 2 in plain numbers (LogAxis writes 10^-0.6).
      LogarithmicAxis a = new LogarithmicAxis(metric.axisLabel() + " (log)");
      a.setStrictValuesFlag(false);
      a.setAutoRange(true);
      return a;
    }
    NumberAxis a = new NumberAxis(metric.axisLabel());
    a.setAutoRangeIncludesZero(false);
    return a;
  }

  /**
   * Lines only, and no hit-test entity per point: the canvas collects one object per drawn item
   * for tooltips on every redraw, which for 6 × 2,000 points costs more than the drawing itself.
   */
  private static final class LinesWithoutEntities extends XYLineAndShapeRenderer {
    private static final long serialVersionUID = 1L;

    LinesWithoutEntities() {
      super(true, false);
    }

    @Override
    protected void addEntity(EntityCollection entities, Shape hotspot, XYDataset dataset,
        int series, int item, double entityX, double entityY) {
      // intentionally none (see class comment)
    }
  }
}
