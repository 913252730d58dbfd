package dev.csrlab.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code csr-lab run --workers N} on real MNIST: seeds train in worker JVMs (one PyTorch thread
 * each) and land in one experiment directory with one summary.json, with the very numbers one
 * process gives; a stopped or killed parent never leaves a worker running or loses a finished run.
 */
class ParallelSeedsTest {
  @TempDir Path tmp;

  @Test
  void twoWorkersGiveTheNumbersOfOneProcessInOneExperiment() throws Exception {
    Object[] flags = Cli.with(Cli.tinyRun(tmp.resolve("parallel")), "--seeds", "0-2");
    Run parallel = run(Cli.with(List.of(flags), "--workers", 2));
    assertEquals(0, parallel.code(), parallel.output());
    Run sequential =
        run(Cli.with(Cli.tinyRun(tmp.resolve("sequential")), "--seeds", "0-2", "--workers", 1));
    assertEquals(0, sequential.code(), sequential.output());

    Path p = RunFiles.onlyExperiment(tmp.resolve("parallel"));
    Path s = RunFiles.onlyExperiment(tmp.resolve("sequential"));
    assertTrue(parallel.output().contains("[worker 1] "), parallel.output());
    assertTrue(parallel.output().contains("[worker 2] "), parallel.output());
    assertTrue(
        parallel.output().contains("on 2 worker process(es), 1 PyTorch thread(s) each"),
        parallel.output());
    assertEquals(9, RunFiles.statuses(RunFiles.summary(p)).size());
    assertTrue(
        RunFiles.statuses(RunFiles.summary(p)).values().stream().allMatch("completed"::equals));
    assertEquals(withoutTimes(RunFiles.summary(s)), withoutTimes(RunFiles.summary(p)));
    assertEquals(
        RunFiles.summary(s).get("criteria"),
        RunFiles.summary(p).get("criteria"),
        "same runs, same verdicts");
    assertEquals(List.of(), workerFiles(p), "worker summaries are merged and removed");
    assertEquals(2, RunFiles.summary(p).get("environment").get("worker_processes").asInt());
    assertEquals(1, RunFiles.summary(s).get("environment").get("worker_processes").asInt());
    RunFiles.assertRunFilesValid(p);
    assertTrue(parallel.output().contains("Success criteria"), "the parent prints the table");
  }

  @Test
  void sigtermToTheParentStopsEveryWorkerAndRecordsTheirRunsAsCancelled() throws Exception {
    Path out = tmp.resolve("runs");
    // Two seeds, each in its worker JVM with one PyTorch thread.
    Process p = start(Cli.with(Cli.longRun(out), "--seeds", "0,1", "--workers", 2));
    List<ProcessHandle> workers;
    Path experiment;
    try {
      experiment = awaitMetricsRows(p, out, 2);
      workers = p.descendants().toList();
      p.destroy(); // SIGTERM
      assertTrue(p.waitFor(30, TimeUnit.SECONDS), "parent still running 30 s after SIGTERM");
      assertNotEquals(0, p.exitValue());
    } finally {
      p.destroyForcibly();
    }
    assertTrue(workers.size() >= 2, "two worker JVMs were running: " + workers);
    assertAllEnd(workers);
    Map<String, String> statuses = RunFiles.statuses(RunFiles.summary(experiment));
    assertEquals(6, statuses.size(), statuses + "\n" + log());
    assertTrue(statuses.values().stream().allMatch("cancelled"::equals), statuses.toString());
    assertEquals(List.of(), workerFiles(experiment));
    RunFiles.assertRunFilesValid(experiment);
  }

  @Test
  void workersOfAKilledParentStopAndResumeKeepsWhatTheyFinished() throws Exception {
    Path out = tmp.resolve("runs");
    // 4,096 samples: 32 steps per seed, so a worker has finished a seed while the other runs.
    Process p = start(Cli.with(Cli.tinyRun(out, 4096), "--seeds", "0-3", "--workers", 2));
    Path experiment;
    List<ProcessHandle> workers;
    try {
      experiment = awaitWorkerFile(p, out);
      workers = p.descendants().toList();
      p.destroyForcibly(); // SIGKILL: no shutdown hook, no merge
      p.waitFor(10, TimeUnit.SECONDS);
    } finally {
      p.destroyForcibly();
    }
    assertAllEnd(workers);
    assertTrue(!workerFiles(experiment).isEmpty(), "the workers' own records survive");

    Run resumed = run("run", "--resume", experiment, "--workers", 2);

    assertEquals(0, resumed.code(), resumed.output());
    assertTrue(
        resumed.output().matches("(?s).*resume: [1-9]\\d* completed run\\(s\\) kept.*"),
        resumed.output());
    Map<String, String> statuses = RunFiles.statuses(RunFiles.summary(experiment));
    assertEquals(12, statuses.size(), statuses.toString());
    assertTrue(statuses.values().stream().allMatch("completed"::equals), statuses.toString());
    assertEquals(List.of(), workerFiles(experiment));
    RunFiles.assertRunFilesValid(experiment);
  }

  @Test
  void badWorkerCountsAreRejectedBeforeAnythingIsWritten() {
    for (String bad : List.of("0", "-2", "two")) {
      Cli.Result r = Cli.run(Cli.with(Cli.tinyRun(tmp.resolve("bad")), "--workers", bad));
      assertEquals(2, r.code(), r.all());
      assertTrue(r.err().contains("--workers '" + bad + "' must be a whole number ≥ 1"), r.all());
    }
    Cli.Result r =
        Cli.run("run", "--worker-seeds", "0", "--worker-summary", "summary.worker-1.json");
    assertEquals(2, r.code(), r.all());
    assertTrue(r.err().contains("use --workers N instead"), r.all());
    assertTrue(!Files.exists(tmp.resolve("bad")), "no experiment directory was created");
  }

  private record Run(int code, String output) {}

  private Run run(Object... args) throws Exception {
    ProcessBuilder pb = Cli.childJvm(e -> true, args).redirectErrorStream(true);
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(240, TimeUnit.SECONDS), output);
    return new Run(p.exitValue(), output);
  }

  private Process start(Object... args) throws IOException {
    return Cli.childJvm(e -> true, args)
        .redirectErrorStream(true)
        .redirectOutput(tmp.resolve("parent.log").toFile())
        .start();
  }

  /** Waits until {@code n} run directories have flushed metrics rows; returns the experiment. */
  private Path awaitMetricsRows(Process p, Path out, int n) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        fail("csr-lab ended before it was interrupted (exit " + p.exitValue() + "):\n" + log());
      }
      List<Path> ready = new ArrayList<>();
      if (Files.isDirectory(out)) {
        try (Stream<Path> s = Files.walk(out)) {
          for (Path csv : s.filter(f -> f.endsWith("metrics.csv")).toList()) {
            if (Files.readAllLines(csv).size() > 3) {
              ready.add(csv);
            }
          }
        }
      }
      if (ready.size() >= n) {
        return ready.get(0).getParent().getParent();
      }
      Thread.sleep(50);
    }
    return fail("no metrics rows within 120 s:\n" + log());
  }

  private Path awaitWorkerFile(Process p, Path out) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        fail("csr-lab ended before it was killed (exit " + p.exitValue() + "):\n" + log());
      }
      for (Path e : RunFiles.experiments(out)) {
        if (!workerFiles(e).isEmpty()) {
          return e;
        }
      }
      Thread.sleep(20);
    }
    return fail("no worker summary within 120 s:\n" + log());
  }

  private static void assertAllEnd(List<ProcessHandle> processes) throws Exception {
    for (ProcessHandle h : processes) {
      try {
        h.onExit().get(30, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        h.destroyForcibly();
        fail("worker " + h.pid() + " still running 30 s after its parent stopped");
      }
    }
  }

  private static List<Path> workerFiles(Path experiment) throws IOException {
    try (Stream<Path> s = Files.list(experiment)) {
      return s.filter(f -> f.getFileName().toString().startsWith("summary.worker-")).toList();
    }
  }

  /** runs[] without wall-clock fields, keyed by run directory. */
  private static Map<String, JsonNode> withoutTimes(JsonNode summary) {
    Map<String, JsonNode> m = new TreeMap<>();
    for (JsonNode r : summary.get("runs")) {
      ObjectNode o = r.deepCopy();
      o.remove("seconds");
      m.put(r.get("variant").asText() + "-seed" + r.get("seed").asLong(), o);
    }
    return m;
  }

  private String log() {
    try {
      return Files.readString(tmp.resolve("parent.log"));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }
}
