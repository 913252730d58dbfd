package dev.csrlab.ui.heatmap;

import dev.csrlab.growth.LayerWidening;
import dev.csrlab.train.RunKey;
import dev.csrlab.ui.session.Session;
import dev.csrlab.ui.session.WideningInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The heatmap inspector without a window: which run and layer are shown, what the cell under the
 * mouse means (positions → original unit indices → similarity), the selected unit and its
 * neighbours in the sorted order, and the Fiedler vector as points.
 */
public final class HeatmapViewModel {
  /** The two panels: the trained order, and after seriation (rows/columns permuted by order). */
  public enum Panel {
    BEFORE,
    AFTER
  }

  /** A layer that can be shown: a run's widening of one hidden layer with a similarity matrix. */
  public record Choice(RunKey key, int layerIndex, LayerWidening layer, WideningInfo info) {
    @Override
    public String toString() {
      return key + " · hidden" + layer.hidden() + " (" + layer.fromWidth() + "→"
          + layer.toWidth() + ")";
    }
  }

  private final ObjectProperty<Choice> selected = new SimpleObjectProperty<>();
  private final IntegerProperty selectedUnit = new SimpleIntegerProperty(-1);
  private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper("");
  private final Map<Choice, float[]> loaded = new HashMap<>();
  private Function<Choice, float[]> weightsSource = c -> null;

  public HeatmapViewModel() {
    selected.addListener((o, a, b) -> {
      selectedUnit.set(-1);
      hoverText.set("");
    });
  }

  /** Every seriated layer of every run of the session, in event order. */
  public static List<Choice> choices(Session s) {
    List<Choice> out = new ArrayList<>();
    for (Map.Entry<RunKey, WideningInfo> e : s.wideningList()) {
      List<LayerWidening> layers = e.getValue().layers();
      for (int i = 0; i < layers.size(); i++) {
        LayerWidening l = layers.get(i);
        if (l.fromWidth() > 0 && l.similarity().length == l.fromWidth() * l.fromWidth()) {
          out.add(new Choice(e.getKey(), i, l, e.getValue()));
        }
      }
    }
    return out;
  }

  public ObjectProperty<Choice> selectedProperty() {
    return selected;
  }

  /** Original (trained-order) index of the clicked unit, or -1. */
  public IntegerProperty selectedUnitProperty() {
    return selectedUnit;
  }

  public ReadOnlyStringProperty hoverTextProperty() {
    return hoverText.getReadOnlyProperty();
  }

  /** The matrix a panel draws, row-major n×n. */
  public float[] matrix(Panel p) {
    LayerWidening l = selected.get().layer();
    return p == Panel.BEFORE ? l.similarity() : l.sortedSimilarity();
  }

  public int size() {
    return selected.get() == null ? 0 : selected.get().layer().fromWidth();
  }

  /** Original unit index at a panel position. */
  public int unitAt(Panel p, int position) {
    return p == Panel.BEFORE ? position : selected.get().layer().order()[position];
  }

  /** Position of an original unit in a panel. */
  public int positionOf(Panel p, int unit) {
    if (p == Panel.BEFORE) {
      return unit;
    }
    int[] order = selected.get().layer().order();
    for (int i = 0; i < order.length; i++) {
      if (order[i] == unit) {
        return i;
      }
    }
    return -1;
  }

  /** Updates the hover text for cell (row, col) of a panel; out of range clears it. */
  public void hover(Panel p, int row, int col) {
    int n = size();
    if (n == 0 || row < 0 || col < 0 || row >= n || col >= n) {
      hoverText.set("");
      return;
    }
    float s = matrix(p)[row * n + col];
    hoverText.set(String.format("%s · row %d, column %d · similarity %+.4f · units %d ↔ %d",
        p == Panel.BEFORE ? "before (trained order)" : "after seriation", row, col, s,
        unitAt(p, row), unitAt(p, col)));
  }

  public void click(Panel p, int position) {
    if (position >= 0 && position < size()) {
      selectedUnit.set(unitAt(p, position));
    }
  }

  /** The selected unit and up to {@code radius} neighbours each side, in the sorted order. */
  public List<Integer> neighbourhood(int radius) {
    int unit = selectedUnit.get();
    if (unit < 0 || selected.get() == null) {
      return List.of();
    }
    int[] order = selected.get().layer().order();
    int p = positionOf(Panel.AFTER, unit);
    List<Integer> out = new ArrayList<>();
    for (int i = Math.max(0, p - radius); i <= Math.min(order.length - 1, p + radius); i++) {
      out.add(order[i]);
    }
    return out;
  }

  /**
   * Where incoming weights come from when the widening itself does not carry them (e.g. the
   * run's checkpoint); called at most once per layer.
   */
  public void setWeightsSource(Function<Choice, float[]> source) {
    weightsSource = source;
    loaded.clear();
  }

  private float[] weights(Choice c) {
    float[] w = c.info().incomingWeights(c.layerIndex());
    return w != null ? w : loaded.computeIfAbsent(c, weightsSource);
  }

  /**
   * Incoming weights of {@code unit} as a 28×28 image (row-major, 784 values), or null when the
   * source does not carry weights or the layer is not the first one (its inputs are not pixels).
   */
  public float[] incomingImage(int unit) {
    Choice c = selected.get();
    if (c == null || c.layer().hidden() != 1) {
      return null;
    }
    float[] w = weights(c);
    int n = c.layer().fromWidth();
    if (w == null || w.length != n * 784 || unit < 0 || unit >= n) {
      return null;
    }
    float[] img = new float[784];
    System.arraycopy(w, unit * 784, img, 0, 784);
    return img;
  }

  /** Path similarity before / after / random as text (SPEC §2). */
  public String pathSimilarityText() {
    Choice c = selected.get();
    if (c == null) {
      return "";
    }
    LayerWidening l = c.layer();
    return String.format("Path similarity (Σ cos of adjacent units): before %.3f · after %.3f"
        + " · random %.3f", l.pathBefore(), l.pathAfter(), l.pathRandom());
  }

  /** Fiedler vector values in sorted order: y[i] = fiedler[order[i]]; empty when not saved. */
  public double[] sortedFiedler() {
    Choice c = selected.get();
    if (c == null || c.layer().fiedler().length != c.layer().fromWidth()) {
      return new double[0];
    }
    double[] f = c.layer().fiedler();
    int[] order = c.layer().order();
    double[] y = new double[f.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = f[order[i]];
    }
    return y;
  }
}
