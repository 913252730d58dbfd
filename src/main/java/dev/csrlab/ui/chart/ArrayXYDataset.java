package dev.csrlab.ui.chart;

import java.util.ArrayList;
import java.util.List;
import org.jfree.data.xy.AbstractXYDataset;

/**
 * An XYDataset over plain arrays, replaced wholesale once per frame: building XYSeries item by
 * item would allocate an object per point and fire an event per add.
 */
final class ArrayXYDataset extends AbstractXYDataset {
  private static final long serialVersionUID = 1L;
  private List<String> keys = List.of();
  private List<Points> points = List.of();

  void set(List<String> newKeys, List<Points> newPoints) {
    keys = new ArrayList<>(newKeys);
    points = new ArrayList<>(newPoints);
    fireDatasetChanged();
  }

  @Override
  public int getSeriesCount() {
    return keys.size();
  }

  @Override
  public Comparable<?> getSeriesKey(int series) {
    return keys.get(series);
  }

  @Override
  public int getItemCount(int series) {
    return points.get(series).size();
  }

  @Override
  public Number getX(int series, int item) {
    return points.get(series).x()[item];
  }

  @Override
  public Number getY(int series, int item) {
    return points.get(series).y()[item];
  }

  @Override
  public double getXValue(int series, int item) {
    return points.get(series).x()[item];
  }

  @Override
  public double getYValue(int series, int item) {
    return points.get(series).y()[item];
  }
}
