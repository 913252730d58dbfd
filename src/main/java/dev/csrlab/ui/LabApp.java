package dev.csrlab.ui;

import dev.csrlab.config.ExperimentConfig;
import dev.csrlab.ui.results.ReportAction;
import dev.csrlab.ui.run.ExperimentEngine;
import dev.csrlab.ui.run.FxTaskExecutor;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The CSR Lab window. Start it through {@link LabLauncher} (a plain main class). */
public final class LabApp extends Application {
  private LabWindow window;

  @Override
  public void start(Stage stage) {
    window = new LabWindow(ExperimentEngine.runner(), new FxTaskExecutor(),
        ReportAction.standard(), ExperimentConfig.defaults());
    window.setDocumentOpener(uri -> getHostServices().showDocument(uri));
    Scene scene = new Scene(window.root(), 1380, 880);
    stage.setTitle("CSR Lab — widening mid-training: continuous resampling vs Net2Net vs scratch");
    stage.setScene(scene);
    stage.show();
    window.start();
  }

  @Override
  public void stop() {
    if (window != null) {
      window.stop();
    }
  }
}
