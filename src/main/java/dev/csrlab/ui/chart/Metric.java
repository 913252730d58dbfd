package dev.csrlab.ui.chart;

import dev.csrlab.ui.session.RunSeries;

/** The per-step curves the live charts draw (SPEC §2 tags in brackets). */
public enum Metric {
  TRAIN_LOSS("Train loss (batch) [Loss/Train]", "loss", "train-loss"),
  VAL_LOSS("Validation loss, subset [Loss/Val]", "loss", "val-loss"),
  VAL_ACC("Validation accuracy, subset [Accuracy/Val_Subset]", "accuracy", "val-accuracy");

  private final String title;
  private final String axisLabel;
  private final String fileName;

  Metric(String title, String axisLabel, String fileName) {
    this.title = title;
    this.axisLabel = axisLabel;
    this.fileName = fileName;
  }

  public String title() {
    return title;
  }

  public String axisLabel() {
    return axisLabel;
  }

  /** Used in export file names, e.g. {@code chart-val-loss.png}. */
  public String fileName() {
    return fileName;
  }

  public boolean isLoss() {
    return this != VAL_ACC;
  }

  public double[] column(RunSeries s) {
    return switch (this) {
      case TRAIN_LOSS -> s.trainLoss();
      case VAL_LOSS -> s.valLoss();
      case VAL_ACC -> s.valAcc();
    };
  }
}
