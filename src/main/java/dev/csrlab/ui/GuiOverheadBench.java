package dev.csrlab.ui;

import dev.csrlab.config.ExperimentConfig;
import dev.csrlab.config.TriggerSpec;
import dev.csrlab.experiment.ExperimentRunner;
import dev.csrlab.train.CancelToken;
import dev.csrlab.ui.results.ReportAction;
import dev.csrlab.ui.run.ExperimentEngine;
import dev.csrlab.ui.run.FxTaskExecutor;
import dev.csrlab.ui.run.RunState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * How much live plotting slows training (issue 5): the same A/B/C experiment headless and in the
 * window with the Live tab showing, alternated, wall time compared. Needs a display (Xvfb is fine):
 * {@code java -cp target/csr-lab.jar dev.csrlab.ui.GuiOverheadBench [trainSubset]}.
 */
public final class GuiOverheadBench {
  private GuiOverheadBench() {}

  public static void main(String[] args) throws Exception {
    int subset = args.length > 0 ? Integer.parseInt(args[0]) : 25_600;
    Path out = Files.createTempDirectory("csr-lab-gui-bench");
    ExperimentConfig.Builder b = ExperimentConfig.defaults().toBuilder();
    b.name = "gui-bench";
    b.trainSubset = subset;
    b.epochs = 2;
    b.widening = TriggerSpec.afterEpoch(1);
    b.out = out.toString();
    ExperimentConfig c = b.build();
    LabLauncher.reserveACoreForTheWindow();
    Platform.startup(() -> {});
    Platform.setImplicitExit(false); // the first window closing must not end the toolkit
    double[] headless = new double[2];
    double[] gui = new double[2];
    for (int i = 0; i < 2; i++) {
      long t0 = System.nanoTime();
      new ExperimentRunner(c, List.of(), m -> {}).execute(new CancelToken());
      headless[i] = (System.nanoTime() - t0) / 1e9;
      gui[i] = inWindow(c);
    }
    double h = Math.min(headless[0], headless[1]);
    double g = Math.min(gui[0], gui[1]);
    System.out.printf(
        Locale.ROOT,
        "headless %.2f s, window %.2f s (best of 2 each): live plotting costs %+.1f%%%n",
        h,
        g,
        100 * (g - h) / h);
    Platform.exit();
  }

  private static double inWindow(ExperimentConfig c) throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    long[] times = new long[2];
    LabWindow[] holder = new LabWindow[1];
    Platform.runLater(
        () -> {
          LabWindow w =
              new LabWindow(
                  ExperimentEngine.runner(), new FxTaskExecutor(), ReportAction.standard(), c);
          holder[0] = w;
          Stage stage = new Stage();
          stage.setScene(new Scene(w.root(), 1400, 900));
          stage.show();
          w.start();
          w.tabs().getSelectionModel().select(1);
          w.runViewModel()
              .stateProperty()
              .addListener(
                  (o, was, now) -> {
                    if (now == RunState.FINISHED
                        || now == RunState.FAILED
                        || now == RunState.CANCELLED) {
                      times[1] = System.nanoTime();
                      done.countDown();
                      w.stop();
                      stage.close();
                    }
                  });
          times[0] = System.nanoTime();
          w.runViewModel().start(c);
        });
    if (!done.await(30, TimeUnit.MINUTES)) {
      throw new IllegalStateException("the window run did not finish");
    }
    return (times[1] - times[0]) / 1e9;
  }
}
