package dev.csrlab.ui.heatmap;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The clicked unit's incoming weights as a 28×28 image (first hidden layer only: its inputs are
 * pixels), next to its neighbours in the sorted order — seriation should place look-alikes
 * together. Shown only when the widening source carries the weights.
 */
final class UnitStrip extends VBox {
  private static final int RADIUS = 3;
  private final HeatmapViewModel vm;
  private final Label caption = new Label();
  private final HBox images = new HBox(6);

  UnitStrip(HeatmapViewModel vm) {
    super(4);
    this.vm = vm;
    getChildren().addAll(caption, images);
  }

  void refresh() {
    images.getChildren().clear();
    int unit = vm.selectedUnitProperty().get();
    if (unit < 0) {
      caption.setText(vm.size() == 0 ? "" : "Click a row to inspect that unit.");
      return;
    }
    List<Integer> around = vm.neighbourhood(RADIUS);
    caption.setText("Unit " + unit + " and its neighbours in the sorted order: "
        + around.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse(""));
    double scale = 0;
    for (int u : around) {
      float[] w = vm.incomingImage(u);
      if (w == null) {
        caption.setText(caption.getText() + (vm.selectedProperty().get().layer().hidden() != 1
            ? "\nIncoming weights are shown for the first hidden layer (its inputs are pixels)."
            : "\nIncoming weights: run with Logging ▸ Save checkpoints on (they are read from"
                + " checkpoint-before-step<N>.safetensors in the run folder)."));
        return;
      }
      for (float v : w) {
        scale = Math.max(scale, Math.abs(v));
      }
    }
    for (int u : around) {
      ImageView iv = new ImageView(HeatmapImages.weights(vm.incomingImage(u), scale));
      iv.setFitWidth(56);
      iv.setFitHeight(56);
      iv.setSmooth(false);
      Label l = new Label(u == unit ? "[" + u + "]" : String.valueOf(u));
      VBox cell = new VBox(2, iv, l);
      cell.setAlignment(Pos.CENTER);
      if (u == unit) {
        cell.setStyle("-fx-border-color: #111; -fx-border-width: 1.5;");
      }
      images.getChildren().add(cell);
    }
  }
}
