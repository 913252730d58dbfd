package dev.csrlab.ui;

import javafx.application.Application;

/**
 * Entry point of the window. A main class that extends Application fails on the class path ("JavaFX
 * runtime components are missing"), so this plain class launches {@link LabApp}.
 */
public final class LabLauncher {
  private LabLauncher() {}

  public static void main(String[] args) {
    if (System.getProperty("ai.djl.offline") == null) {
      // The engine probes a cloud metadata address at start without it (STACK.md).
      System.setProperty("ai.djl.offline", "true");
    }
    reserveACoreForTheWindow();
    Application.launch(LabApp.class, args);
  }

  /**
   * Trains on all cores but one (at least one), so drawing never competes with PyTorch's spinning
   * intra-op threads. Measured on 2 cores (GuiOverheadBench): with both cores training, the same
   * run took +74 % in the window; with one thread it takes the same time with and without the
   * window. An explicit {@code -Dai.djl.pytorch.num_threads} wins.
   */
  static void reserveACoreForTheWindow() {
    if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
      int cores = Runtime.getRuntime().availableProcessors();
      System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(Math.max(1, cores - 1)));
    }
  }
}
