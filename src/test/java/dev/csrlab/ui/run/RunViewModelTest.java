package dev.csrlab.ui.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.csrlab.config.ConfigException;
import dev.csrlab.config.ExperimentConfig;
import dev.csrlab.config.TriggerSpec;
import dev.csrlab.ui.FakeExecutor;
import dev.csrlab.ui.SimulatedExperiment;
import dev.csrlab.ui.session.RunSeries;
import dev.csrlab.ui.session.Session;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RunViewModelTest {
  private final FakeExecutor executor = new FakeExecutor();

  /** 2000 samples, batch 128 → 16 steps/epoch, 32 steps, widening at step 8, A/B/C. */
  static ExperimentConfig tiny() {
    ExperimentConfig.Builder b = ExperimentConfig.defaults().toBuilder();
    b.name = "tiny";
    b.trainSubset = 2000;
    b.epochs = 2;
    b.widening = TriggerSpec.atStep(8);
    return b.build();
  }

  private RunViewModel vm(ExperimentEngine engine) {
    return new RunViewModel(executor, engine);
  }

  @Test
  void goesFromIdleToRunningToFinished() {
    RunViewModel vm = vm(new SimulatedExperiment(Path.of("/tmp"), 0, s -> {}));
    List<RunState> seen = new ArrayList<>();
    vm.stateProperty().addListener((o, a, b) -> seen.add(b));
    assertEquals(RunState.IDLE, vm.getState());
    vm.start(tiny());
    assertEquals(RunState.RUNNING, vm.getState());
    assertEquals(1, executor.pendingCount(), "the run must go to the executor, not run inline");
    executor.runNext();
    assertEquals(List.of(RunState.RUNNING, RunState.FINISHED), seen);
    Session s = vm.getSession();
    assertEquals(3, s.allSeries().size());
    for (RunSeries r : s.allSeries()) {
      assertEquals(32, r.size(), r.key() + " steps");
    }
    assertEquals(3, s.results().size());
    assertEquals(Path.of("/tmp/sim-tiny"), s.experimentDir());
  }

  @Test
  void cancelBeforeTheEngineStartsEndsCancelled() {
    RunViewModel vm = vm(new SimulatedExperiment(Path.of("/tmp"), 0, s -> {}));
    vm.start(tiny());
    vm.cancel();
    assertEquals(RunState.CANCELLING, vm.getState());
    executor.runNext();
    assertEquals(RunState.CANCELLED, vm.getState());
    assertTrue(vm.getSession().allSeries().stream().allMatch(r -> r.size() == 0));
  }

  @Test
  void cancelMidRunStopsAtTheNextStep() {
    AtomicReference<RunViewModel> ref = new AtomicReference<>();
    RunViewModel vm = vm(new SimulatedExperiment(Path.of("/tmp"), 0, s -> {
      if (s == 12) {
        ref.get().cancel();
      }
    }));
    ref.set(vm);
    vm.start(tiny());
    executor.runNext();
    assertEquals(RunState.CANCELLED, vm.getState());
    for (RunSeries r : vm.getSession().allSeries()) {
      assertEquals(12, r.size(), "steps after cancel were trained");
    }
    assertTrue(vm.messageProperty().get().startsWith("Cancelled"));
  }

  @Test
  void anEngineErrorEndsFailedWithItsMessage() {
    RunViewModel vm = vm((c, l, log, t) -> {
      throw new IllegalStateException("MNIST not found in /nowhere; run scripts/fetch-mnist");
    });
    vm.start(tiny());
    executor.runNext();
    assertEquals(RunState.FAILED, vm.getState());
    assertTrue(vm.messageProperty().get().contains("MNIST not found"), vm.messageProperty().get());
  }

  @Test
  void canRunAgainAfterFailure() {
    RunViewModel vm = vm((c, l, log, t) -> {
      throw new IllegalStateException("boom");
    });
    vm.start(tiny());
    executor.runNext();
    vm.start(tiny());
    assertEquals(RunState.RUNNING, vm.getState());
  }

  @Test
  void refusesAnInvalidConfigWithoutStarting() {
    RunViewModel vm = vm(new SimulatedExperiment(Path.of("/tmp"), 0, s -> {}));
    ExperimentConfig.Builder b = tiny().toBuilder();
    b.epochs = 1;
    assertThrows(ConfigException.class, () -> vm.start(b.build()));
    assertEquals(RunState.IDLE, vm.getState());
    assertEquals(0, executor.pendingCount());
  }

  @Test
  void refusesASecondRunWhileOneIsActive() {
    RunViewModel vm = vm(new SimulatedExperiment(Path.of("/tmp"), 0, s -> {}));
    vm.start(tiny());
    assertThrows(IllegalStateException.class, () -> vm.start(tiny()));
  }

  @Test
  void statusShowsDeviceVariantsStepAndEta() {
    AtomicReference<RunViewModel> ref = new AtomicReference<>();
    List<String> etaSeen = new ArrayList<>();
    RunViewModel vm = vm(new SimulatedExperiment(Path.of("/tmp"), 5_000_000, s -> {
      if (s == 20) {
        ref.get().pump();
        etaSeen.add(ref.get().status().eta().get());
        etaSeen.add(ref.get().status().step().get());
        etaSeen.add(ref.get().status().stepsPerSecond().get());
      }
    }));
    ref.set(vm);
    vm.start(tiny());
    executor.runNext();
    assertEquals("cpu (simulated)", vm.status().device().get());
    assertTrue(etaSeen.get(0).startsWith("ETA 0:0"), etaSeen.toString());
    assertEquals("20/32", etaSeen.get(1));
    assertTrue(etaSeen.get(2).contains("steps/s"), etaSeen.toString());
    assertTrue(vm.status().protocol().get().startsWith("seed 0 (1/1)"),
        vm.status().protocol().get());
  }

  @Test
  void wideningsAndTheRunLogReachTheSession() {
    RunViewModel vm = vm(new SimulatedExperiment(Path.of("/tmp"), 0, s -> {}));
    vm.start(tiny());
    executor.runNext();
    assertEquals(2, vm.getSession().wideningList().size(), "B and C widen, A does not");
    assertTrue(vm.log().stream().anyMatch(l -> l.contains("widened at step 8")),
        vm.log().toString());
    assertTrue(vm.log().stream().anyMatch(l -> l.startsWith("simulated experiment")));
  }

  @Test
  void openingAnExperimentIsRefusedWhileRunning() {
    RunViewModel vm = vm(new SimulatedExperiment(Path.of("/tmp"), 0, s -> {}));
    vm.start(tiny());
    assertThrows(IllegalStateException.class, () -> vm.open(new Session(null)));
    executor.runNext();
    Session other = new Session(null);
    vm.open(other);
    assertFalse(vm.getState().isActive());
    assertEquals(other, vm.getSession());
  }

  @Test
  void durationsPrintAsMinutesOrHours() {
    assertEquals("1:05", RunViewModel.formatDuration(65));
    assertEquals("1:01:01", RunViewModel.formatDuration(3661));
  }
}
