package dev.csrlab.log.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.csrlab.log.Fixtures;
import dev.csrlab.log.tensorboard.Tags;
import dev.csrlab.train.RunKey;
import dev.csrlab.train.RunStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConsoleReporterTest {
  private static final Path DIR = Path.of("unused");
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private final AtomicLong nanos = new AtomicLong();

  private ConsoleReporter reporter(boolean quiet, boolean interactive) {
    return ConsoleReporter.builder(out)
        .optQuiet(quiet)
        .optInteractive(interactive)
        .optUnicode(true)
        .optNanoTime(nanos::get)
        .build();
  }

  private String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private List<String> lines() {
    return Arrays.asList(text().split("\n"));
  }

  @Test
  void wideningBlockShowsEveryFieldOfSpecSection3() {
    ConsoleReporter c = reporter(false, false);
    c.onRunStart(Fixtures.runStarted(Fixtures.KEY, DIR, 3, 2));
    c.onWidening(Fixtures.widening(Fixtures.KEY, 3, 8));
    String t = text();
    for (String expected :
        List.of(
            "WIDENING continuous-seed0 at step 3",
            "trigger",
            "epoch 3",
            "hidden1 8→16, hidden2 8→16",
            "0.3000 → 0.4500",
            "shock +0.1500",
            "92.00% → 88.00%",
            "accuracy drop 4.00 pp",
            "function error  0.2500",
            "function KL     0.01250",
            "path similarity before 10.000  after 50.000  random 2.000",
            "before 20.000  after 100.000  random 4.000",
            "energy c 0.5000")) {
      assertTrue(t.contains(expected), "missing '" + expected + "' in\n" + t);
    }
  }

  @Test
  void plainOutputPrintsOneLinePerQuarterEpochAndAnEpochLine() {
    ConsoleReporter c = reporter(false, false);
    c.onRunStart(Fixtures.runStarted(Fixtures.KEY, DIR, 8, 2));
    for (int s = 1; s <= 8; s++) {
      nanos.addAndGet(10_000_000L);
      c.onStep(Fixtures.step(Fixtures.KEY, s, 1, false));
    }
    c.onEpochEnd(Fixtures.epoch(Fixtures.KEY, 1, 8));
    assertFalse(text().contains("\r"));
    List<String> bars = lines().stream().filter(l -> l.contains("it/s")).toList();
    assertEquals(4, bars.size(), text());
    assertTrue(bars.get(0).startsWith("continuous-seed0 ep 1/2  25%|██▌"), bars.get(0));
    assertTrue(bars.get(3).contains(" 8/8 ["), bars.get(3));
    assertTrue(bars.get(3).contains("100.0 it/s"), bars.get(3)); // 7 timed steps in 70 ms
    String epoch = lines().get(lines().size() - 1);
    assertEquals(
        "continuous-seed0 ep 1/2 done: train loss 0.5000 | val loss 0.4000"
            + " | val acc 91.00% | 1.5 s",
        epoch);
  }

  @Test
  void terminalRedrawsInPlaceAtMostTenTimesASecond() {
    ConsoleReporter c = reporter(false, true);
    c.onRunStart(Fixtures.runStarted(Fixtures.KEY, DIR, 100, 1));
    for (int s = 1; s <= 100; s++) {
      c.onStep(Fixtures.step(Fixtures.KEY, s, 1, false));
      nanos.addAndGet(10_000_000L); // 100 steps/s: one second for the epoch
    }
    long redraws = text().chars().filter(ch -> ch == '\r').count();
    assertTrue(redraws >= 10 && redraws <= 11, "redraws: " + redraws);
    // The last step is always drawn: 99 timed steps in 0.99 s.
    assertTrue(text().endsWith("100/100 [00:01<00:00, 100.0 it/s, loss=0.0100]"), text());
    c.onEpochEnd(Fixtures.epoch(Fixtures.KEY, 1, 100));
    assertTrue(text().contains("loss=0.0100]\ncontinuous-seed0 ep 1/1 done"), text());
  }

  @Test
  void onATerminalLanesInLockstepShareOneLineHeldByTheFirstUntilItsEpochEnds() {
    ConsoleReporter c = reporter(false, true);
    RunKey a = new RunKey("scratch", 0);
    RunKey b = new RunKey("continuous", 0);
    c.onRunStart(Fixtures.runStarted(a, DIR, 20, 2));
    c.onRunStart(Fixtures.runStarted(b, DIR, 20, 2));
    for (int s = 1; s <= 19; s++) {
      c.onStep(Fixtures.step(a, s, 1, false));
      c.onStep(Fixtures.step(b, s, 1, true));
      nanos.addAndGet(50_000_000L);
    }
    String during = text();
    assertTrue(during.contains("\rscratch-seed0 ep 1/2"), during);
    assertFalse(during.contains("shared-seed0 ep 1/2"), "one line, one owner: " + during);
    c.onStep(Fixtures.step(a, 20, 1, false));
    c.onStep(Fixtures.step(b, 20, 1, true));
    c.onEpochEnd(Fixtures.epoch(a, 1, 20));
    c.onEpochEnd(Fixtures.epoch(b, 1, 20));
    assertTrue(text().contains("scratch-seed0 ep 1/2 done"), text());
    assertTrue(text().contains("shared-seed0 ep 1/2 done"), text());
  }

  @Test
  void sharedStepsAreShownOnceForAllWidenedVariantsOfASeed() {
    ConsoleReporter c = reporter(false, false);
    RunKey b = new RunKey("net2net", 0);
    RunKey cc = new RunKey("continuous", 0);
    c.onRunStart(Fixtures.runStarted(b, DIR, 4, 2));
    c.onRunStart(Fixtures.runStarted(cc, DIR, 4, 2));
    for (int s = 1; s <= 4; s++) {
      c.onStep(Fixtures.step(b, s, 1, true));
      c.onStep(Fixtures.step(cc, s, 1, true));
    }
    c.onEpochEnd(Fixtures.epoch(b, 1, 4));
    c.onEpochEnd(Fixtures.epoch(cc, 1, 4));
    for (int s = 5; s <= 8; s++) {
      c.onStep(Fixtures.step(b, s, 2, false));
      c.onStep(Fixtures.step(cc, s, 2, false));
    }
    List<String> l = lines();
    assertEquals(
        4,
        l.stream().filter(x -> x.startsWith("shared-seed0 ep 1/2 ") && x.contains("it/s")).count(),
        text());
    assertEquals(1, l.stream().filter(x -> x.contains("done:")).count(), text());
    assertEquals(4, l.stream().filter(x -> x.startsWith("net2net-seed0 ep 2/2")).count());
    assertEquals(4, l.stream().filter(x -> x.startsWith("continuous-seed0 ep 2/2")).count());
  }

  @Test
  void aReplayedSharedPrefixIsNotShownAgain() {
    ConsoleReporter c = reporter(false, false);
    RunKey b = new RunKey("net2net", 0);
    RunKey cc = new RunKey("continuous", 0);
    for (RunKey k : List.of(b, cc)) {
      c.onRunStart(Fixtures.runStarted(k, DIR, 4, 2));
      for (int s = 1; s <= 4; s++) {
        c.onStep(Fixtures.step(k, s, 1, true));
      }
      c.onEpochEnd(Fixtures.epoch(k, 1, 4));
      for (int s = 5; s <= 8; s++) {
        c.onStep(Fixtures.step(k, s, 2, false));
      }
      c.onRunEnd(Fixtures.finished(k, RunStatus.COMPLETED, 8));
    }
    List<String> l = lines();
    assertEquals(5, l.stream().filter(x -> x.startsWith("shared-seed0 ")).count(), text());
    assertEquals(4, l.stream().filter(x -> x.startsWith("continuous-seed0 ep 2/2")).count());
    // A second experiment in the same JVM shows its shared prefix again.
    c.onRunStart(Fixtures.runStarted(b, DIR, 4, 2));
    c.onStep(Fixtures.step(b, 1, 1, true));
    assertEquals(6, lines().stream().filter(x -> x.startsWith("shared-seed0 ")).count());
  }

  @Test
  void recoveryMetricsAndRunEndGetTheirOwnLines() {
    ConsoleReporter c = reporter(false, false);
    c.onRunStart(Fixtures.runStarted(Fixtures.KEY, DIR, 3, 2));
    c.onMetric(Fixtures.metric(Fixtures.KEY, Tags.RECOVERY_STEPS, 140, 137));
    c.onMetric(Fixtures.metric(Fixtures.KEY, Tags.ACC_TEST, 600, 0.9812));
    c.onRunEnd(Fixtures.finished(Fixtures.KEY, RunStatus.COMPLETED, 600));
    c.onRunEnd(Fixtures.finished(new RunKey("net2net", 1), RunStatus.DIVERGED, 17));
    String t = text();
    assertTrue(
        t.contains(
            "continuous-seed0 start: continuous (method continuous), widths"
                + " 128,128 -> 256,256, 6 steps, cpu()"),
        t);
    assertTrue(
        t.contains(
            "continuous-seed0 recovered: subset val accuracy back at its"
                + " before-widening value 137 steps after widening (step 140)"),
        t);
    assertTrue(t.contains("continuous-seed0 Accuracy/Test = 98.12% at step 600"), t);
    assertTrue(t.contains("continuous-seed0 finished: completed | test acc 98.12%"), t);
    assertTrue(t.contains("net2net-seed1 finished: DIVERGED (loss NaN)"), t);
  }

  @Test
  void quietModePrintsOnlyWideningRecoveryAndRunEnd() {
    ConsoleReporter c = reporter(true, false);
    c.onRunStart(Fixtures.runStarted(Fixtures.KEY, DIR, 4, 2));
    for (int s = 1; s <= 4; s++) {
      c.onStep(Fixtures.step(Fixtures.KEY, s, 1, false));
    }
    c.onEpochEnd(Fixtures.epoch(Fixtures.KEY, 1, 4));
    c.onWidening(Fixtures.widening(Fixtures.KEY, 4, 4));
    c.onMetric(Fixtures.metric(Fixtures.KEY, Tags.PEAK_SHOCK, 8, 0.3));
    c.onMetric(Fixtures.metric(Fixtures.KEY, Tags.RECOVERY_STEPS, 6, 2));
    c.onRunEnd(Fixtures.finished(Fixtures.KEY, RunStatus.COMPLETED, 8));
    String t = text();
    assertFalse(t.contains(" ep "), t);
    assertFalse(t.contains("start:"), t);
    assertFalse(t.contains("Peak_Shock"), t);
    assertTrue(t.contains("WIDENING"), t);
    assertTrue(t.contains("recovered"), t);
    assertTrue(t.contains("finished: completed"), t);
  }

  @Test
  void anOpenBarIsEndedBeforeTheWideningBlock() {
    ConsoleReporter c =
        ConsoleReporter.builder(out)
            .optInteractive(true)
            .optUnicode(false)
            .optNanoTime(nanos::get)
            .build();
    c.onRunStart(Fixtures.runStarted(Fixtures.KEY, DIR, 4, 2));
    c.onStep(Fixtures.step(Fixtures.KEY, 1, 1, false));
    c.onWidening(Fixtures.widening(Fixtures.KEY, 1, 4));
    assertTrue(text().contains("loss=1.0000]\n=========="), text());
    assertTrue(text().contains("0.3000 -> 0.4500"), text());
  }
}
