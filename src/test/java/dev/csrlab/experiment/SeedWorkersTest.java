package dev.csrlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.csrlab.config.ConfigJson;
import dev.csrlab.config.ExperimentConfig;
import dev.csrlab.config.Method;
import dev.csrlab.config.VariantSpec;
import dev.csrlab.stats.RunFixtures;
import dev.csrlab.stats.SummaryCodec;
import dev.csrlab.train.CancelToken;
import dev.csrlab.train.RunFinished;
import dev.csrlab.train.RunKey;
import dev.csrlab.train.RunResult;
import dev.csrlab.train.RunStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parent side of {@code run --workers}: dealing seeds, merging worker summaries with runs an
 * earlier session completed, relaying output, reporting dead workers and stopping on cancel. The
 * workers here are shell commands that drop prepared summary files; the real JVM workers are
 * exercised in {@code reliability.ParallelSeedsTest}.
 */
class SeedWorkersTest {
  @TempDir Path tmp;
  private Path dir;
  private Path fixtures;
  private ExperimentConfig config;
  private final List<String> output = Collections.synchronizedList(new ArrayList<>());
  private final List<String> log = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void experiment() throws IOException {
    ExperimentConfig.Builder b = ExperimentConfig.defaults().toBuilder();
    b.seeds = List.of(0L, 1L, 2L);
    b.variants =
        List.of(
            VariantSpec.of(Method.SCRATCH),
            VariantSpec.of(Method.NET2NET),
            VariantSpec.of(Method.CONTINUOUS));
    config = b.build();
    dir = Files.createDirectory(tmp.resolve("exp"));
    fixtures = Files.createDirectory(tmp.resolve("fixtures"));
    ConfigJson.write(config, dir.resolve("config.json"));
  }

  @Test
  void seedsAreDealtRoundRobinAndNeverToMoreWorkersThanSeeds() {
    assertEquals(
        List.of(List.of(0L, 2L, 4L), List.of(1L, 3L)),
        SeedWorkers.deal(List.of(0L, 1L, 2L, 3L, 4L), 2));
    assertEquals(List.of(List.of(7L)), SeedWorkers.deal(List.of(7L), 4));
    assertEquals(List.of(), SeedWorkers.deal(List.of(), 2));
  }

  @Test
  void workerSummariesAreMergedInConfigOrderThenDeleted() throws IOException {
    // Seed 1's scratch run completed in an earlier session (summary.json); the workers redo the
    // rest: worker 1 gets seeds 0 and 2, worker 2 seed 1 (scratch kept, so only B and C).
    summary(dir.resolve("summary.json"), completed("scratch", 1, 0.97));
    summary(
        fixtures.resolve("w1.json"),
        completed("continuous", 2, 0.95),
        completed("scratch", 0, 0.96),
        completed("net2net", 0, 0.96),
        completed("continuous", 0, 0.95),
        completed("scratch", 2, 0.96),
        completed("net2net", 2, 0.96));
    summary(fixtures.resolve("w2.json"), completed("net2net", 1, 0.96), cancelled("continuous", 1));
    List<List<Long>> asked = Collections.synchronizedList(new ArrayList<>());

    ExperimentOutcome o =
        SeedWorkers.run(
            dir,
            2,
            (d, seeds, file) -> {
              asked.add(seeds);
              String fixture = seeds.contains(0L) ? "w1.json" : "w2.json";
              return sh(
                  "cp '" + fixtures.resolve(fixture) + "' '" + d.resolve(file) + "'; echo hello");
            },
            output::add,
            log::add,
            new CancelToken());

    assertEquals(List.of(List.of(0L, 2L), List.of(1L)), sorted(asked));
    assertEquals(
        List.of(
            "scratch-seed0",
            "net2net-seed0",
            "continuous-seed0",
            "scratch-seed1",
            "net2net-seed1",
            "continuous-seed1",
            "scratch-seed2",
            "net2net-seed2",
            "continuous-seed2"),
        o.runs().stream().map(r -> r.key().dirName()).toList());
    assertEquals(RunStatus.CANCELLED, status(o, "continuous", 1));
    assertFalse(o.allCompleted(), "one run was cancelled");
    List<RunResult> written = SummaryCodec.readRuns(dir.resolve("summary.json"));
    assertEquals(9, written.size());
    assertEquals(0.97, written.get(3).finalTestAccuracy(), "the kept run is in summary.json");
    assertEquals(List.of(), ResumeState.workerSummaries(dir), "worker files are removed");
    assertTrue(output.contains("[worker 1] hello"), output.toString());
    assertTrue(output.contains("[worker 2] hello"), output.toString());
  }

  @Test
  void aWorkerThatDiesWithoutRecordingIsReportedAndTheOutcomeIsIncomplete() throws IOException {
    summary(fixtures.resolve("w1.json"), completed("scratch", 0, 0.96));
    ExperimentOutcome o =
        SeedWorkers.run(
            dir,
            2,
            (d, seeds, file) ->
                seeds.contains(0L)
                    ? sh("cp '" + fixtures.resolve("w1.json") + "' '" + d.resolve(file) + "'")
                    : sh("echo 'boom' >&2; exit 3"),
            output::add,
            log::add,
            new CancelToken());

    assertEquals(1, o.runs().size());
    assertEquals(9, o.expectedRuns());
    assertFalse(o.allCompleted(), "8 runs never reported");
    assertTrue(output.contains("[worker 2] boom"), output.toString());
    String report = String.join("\n", log);
    assertTrue(
        report.contains("worker 2 (seed [1]) ended with exit code 3 before recording any run"),
        report);
    assertTrue(report.contains("--resume " + dir), "says how to finish: " + report);
  }

  @Test
  void cancelStopsEveryWorkerAndStillWritesTheSummary() throws Exception {
    summary(dir.resolve("summary.json"), completed("scratch", 0, 0.96));
    CancelToken cancel = new CancelToken();
    List<ProcessHandle> started = Collections.synchronizedList(new ArrayList<>());
    Thread canceller =
        new Thread(
            () -> {
              try {
                Thread.sleep(500);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              cancel.cancel();
            });
    canceller.start();
    long t0 = System.nanoTime();

    ExperimentOutcome o =
        SeedWorkers.run(
            dir, 2, (d, seeds, file) -> sh("exec sleep 60"), output::add, log::add, cancel);

    double seconds = (System.nanoTime() - t0) / 1e9;
    assertTrue(seconds < SeedWorkers.STOP_GRACE_SECONDS, "stopped after " + seconds + " s");
    assertEquals(1, o.runs().size(), "the kept run survives a cancel");
    assertTrue(Files.exists(dir.resolve("summary.json")));
    ProcessHandle.current()
        .descendants()
        .filter(p -> p.info().command().map(c -> c.endsWith("sleep")).orElse(false))
        .forEach(started::add);
    assertEquals(List.of(), started, "no worker left running");
    canceller.join(TimeUnit.SECONDS.toMillis(5));
  }

  @Test
  void resumeStateCountsCompletedRunsOfWorkerFilesToo() throws IOException {
    summary(dir.resolve("summary.json"), completed("scratch", 0, 0.96), cancelled("net2net", 0));
    summary(dir.resolve(ResumeState.workerSummaryName(2)), completed("net2net", 1, 0.96));
    List<RunKey> keys = ResumeState.completedRuns(dir).stream().map(RunFinished::key).toList();
    assertEquals(List.of(new RunKey("scratch", 0), new RunKey("net2net", 1)), keys);
  }

  private static List<List<Long>> sorted(List<List<Long>> slices) {
    List<List<Long>> s = new ArrayList<>(slices);
    s.sort((a, b) -> Long.compare(a.get(0), b.get(0)));
    return s;
  }

  private static RunStatus status(ExperimentOutcome o, String variant, long seed) {
    return o.runs().stream()
        .filter(r -> r.key().equals(new RunKey(variant, seed)))
        .findFirst()
        .orElseThrow()
        .status();
  }

  private static ProcessBuilder sh(String script) {
    return new ProcessBuilder("sh", "-c", script);
  }

  private static RunFinished completed(String variant, long seed, double accuracy) {
    return new RunFinished(
        new RunKey(variant, seed),
        RunStatus.COMPLETED,
        RunFixtures.run(variant, seed, 0.1, 20, accuracy),
        "completed");
  }

  private static RunFinished cancelled(String variant, long seed) {
    RunResult c = RunFixtures.withStatus(RunFixtures.run(variant, seed, 0.1, 20, 0.5), "cancelled");
    return new RunFinished(
        new RunKey(variant, seed), RunStatus.CANCELLED, c, "cancelled by the user");
  }

  private void summary(Path file, RunFinished... runs) throws IOException {
    Path d = Files.createDirectories(tmp.resolve("writer-" + file.getFileName()));
    new SummaryWriter(d, config, "cpu (test)").write(List.of(runs), 1.0);
    Files.move(d.resolve("summary.json"), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }
}
