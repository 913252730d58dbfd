package dev.csrlab.ui.chart;

import dev.csrlab.train.RunKey;
import dev.csrlab.ui.session.RunSeries;
import dev.csrlab.ui.session.Session;
import dev.csrlab.ui.session.WideningInfo;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What the live charts draw, computed without a window: per run and metric the smoothed (split
 * at widening) and downsampled points of the visible step range, the widening markers, and the
 * "zoom to widening" window. The view owns only JFreeChart objects and asks this for data.
 */
public final class ChartsViewModel {
  /** One drawn line: a run's curve, coloured by its variant. */
  public record SeriesData(RunKey key, String label, int colourIndex, Points points) {}

  /** A vertical line at a widening step, labelled with the variants that widened there. */
  public record WideningMarker(long step, String label) {}

  private final ObjectProperty<Session> session = new SimpleObjectProperty<>(new Session(null));
  private final DoubleProperty smoothing = new SimpleDoubleProperty(0);
  private final BooleanProperty logY = new SimpleBooleanProperty(false);
  private final IntegerProperty zoomHalfWidth = new SimpleIntegerProperty(100);
  private final Map<RunSeries, EnumMap<Metric, SplitSmoother>> smoothers = new IdentityHashMap<>();

  public ChartsViewModel() {
    session.addListener((obs, old, now) -> smoothers.clear());
  }

  public ObjectProperty<Session> sessionProperty() {
    return session;
  }

  /** EMA weight in [0, 0.99]; 0 draws the raw curve. */
  public DoubleProperty smoothingProperty() {
    return smoothing;
  }

  public BooleanProperty logYProperty() {
    return logY;
  }

  /** N of "zoom to widening ± N steps". */
  public IntegerProperty zoomHalfWidthProperty() {
    return zoomHalfWidth;
  }

  /** Every run's curve for {@code metric} within [lo, hi], at most ~2·buckets points each. */
  public List<SeriesData> series(Metric metric, double lo, double hi, int buckets) {
    Session s = session.get();
    boolean multiSeed = s.allSeries().stream().map(r -> r.key().seed()).distinct().count() > 1;
    List<SeriesData> out = new ArrayList<>();
    for (RunSeries run : s.allSeries()) {
      if (run.size() == 0) {
        continue;
      }
      double[] y = smoothed(run, metric);
      Points p = Downsampler.minMax(run.steps(), y, run.size(), lo, hi, buckets);
      String label = multiSeed
          ? run.key().variant() + " s" + run.key().seed() : run.key().variant();
      out.add(new SeriesData(run.key(), label, s.variantIndex(run.key().variant()), p));
    }
    return out;
  }

  private double[] smoothed(RunSeries run, Metric metric) {
    double w = Math.min(0.99, Math.max(0, smoothing.get()));
    double[] raw = metric.column(run);
    if (w == 0) {
      return raw;
    }
    long[] breaks = breaks(run);
    EnumMap<Metric, SplitSmoother> byMetric =
        smoothers.computeIfAbsent(run, r -> new EnumMap<>(Metric.class));
    SplitSmoother sm = byMetric.get(metric);
    if (sm == null || !sm.sameSettings(w, breaks)) {
      sm = new SplitSmoother(w, breaks);
      byMetric.put(metric, sm);
    }
    return sm.update(run.steps(), raw, run.size());
  }

  /** The run's widening step(s): from its WideningEvent, else from the phase column. */
  long[] breaks(RunSeries run) {
    WideningInfo w = session.get().widenings().get(run.key());
    long n = w != null && w.step() > 0 ? w.step() : run.wideningStepFromPhase();
    return n > 0 ? new long[] {n} : new long[0];
  }

  /** One marker per distinct widening step, e.g. "widen net2net, continuous @ 1407". */
  public List<WideningMarker> markers() {
    Map<Long, TreeSet<String>> byStep = new TreeMap<>();
    for (Map.Entry<RunKey, WideningInfo> e : session.get().wideningList()) {
      if (e.getValue().step() > 0) {
        byStep.computeIfAbsent(e.getValue().step(), k -> new TreeSet<>())
            .add(e.getKey().variant());
      }
    }
    List<WideningMarker> out = new ArrayList<>();
    byStep.forEach((step, names) ->
        out.add(new WideningMarker(step, "widen " + String.join(", ", names) + " @ " + step)));
    return out;
  }

  /** [N − half, N + half] around the given widening step, kept within the recorded steps. */
  public double[] zoomWindow(long step) {
    int half = Math.max(1, zoomHalfWidth.get());
    double[] data = dataRange();
    double lo = step - half;
    double hi = step + half;
    return data == null ? new double[] {lo, hi}
        : new double[] {Math.max(lo, data[0]), Math.max(Math.min(hi, data[1]), step + 1)};
  }

  /** Smallest and largest step over all runs, or null when nothing has been recorded. */
  public double[] dataRange() {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (RunSeries run : session.get().allSeries()) {
      if (run.size() > 0) {
        lo = Math.min(lo, run.steps()[0]);
        hi = Math.max(hi, run.steps()[run.size() - 1]);
      }
    }
    return lo <= hi ? new double[] {lo, hi} : null;
  }
}
