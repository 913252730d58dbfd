package dev.csrlab.ui;

import javafx.application.Application;

/**
 * Entry point of the window. A main class that extends Application fails on the class path
 * ("JavaFX runtime components are missing"), so this plain class launches {@link LabApp}.
 */
public final class LabLauncher {
  private LabLauncher() {}

  public static void main(String[] args) {
    if (System.getProperty("ai.djl.offline") == null) {
      // The engine probes a cloud metadata address at start without it (STACK.md).
      System.setProperty("ai.djl.offline", "true");
    }
    Application.launch(LabApp.class, args);
  }
}
