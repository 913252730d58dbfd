package dev.csrlab.ui.run;

import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** Bottom line of the window: message · device · protocol · epoch · step · steps/s · ETA. */
public final class StatusBar extends HBox {
  public StatusBar(RunViewModel vm) {
    super(8);
    setAlignment(Pos.CENTER_LEFT);
    setPadding(new Insets(3, 8, 3, 8));
    setStyle("-fx-background-color: #eef0f3; -fx-border-color: #c8ccd2;"
        + " -fx-border-width: 1 0 0 0;");
    Label message = field("statusMessage", vm.messageProperty(), "");
    message.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(message, Priority.ALWAYS);
    RunViewModel.StatusFields s = vm.status();
    getChildren().addAll(message,
        new Separator(javafx.geometry.Orientation.VERTICAL),
        field("statusDevice", s.device(), "device: "),
        field("statusProtocol", s.protocol(), ""),
        field("statusEpoch", s.epoch(), "epoch "),
        field("statusStep", s.step(), "step "),
        field("statusRate", s.stepsPerSecond(), ""),
        field("statusEta", s.eta(), ""));
  }

  private static Label field(String id, ObservableStringValue value, String prefix) {
    Label l = new Label();
    l.setId(id);
    l.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
        () -> value.get() == null || value.get().isEmpty() ? "" : prefix + value.get(), value));
    l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    return l;
  }
}
