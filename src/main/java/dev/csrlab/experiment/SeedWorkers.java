package dev.csrlab.experiment;

import dev.csrlab.config.ConfigJson;
import dev.csrlab.config.ConfigValidator;
import dev.csrlab.config.ExperimentConfig;
import dev.csrlab.config.VariantSpec;
import dev.csrlab.stats.StudyAnalysis;
import dev.csrlab.stats.SummaryCodec;
import dev.csrlab.train.CancelToken;
import dev.csrlab.train.RunFinished;
import dev.csrlab.train.RunKey;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the seeds of one experiment in K worker processes at once and merges what they write into
 * one summary.json.
 *
 * <p>Why processes: DJL 0.36's PyTorch GradientCollector is process-global (one may collect at a
 * time), so two seeds cannot train on two threads of one JVM. Two JVMs with one PyTorch thread each
 * can, and on two cores that beats one JVM with two threads (docs/PERFORMANCE.md).
 *
 * <p>Seeds are dealt round-robin to the workers; within a seed everything is as in one process
 * (shared prefix, paired branches), and every run directory belongs to exactly one worker. Each
 * worker resumes the experiment directory restricted to its seeds and records its runs in {@code
 * summary.worker-<i>.json}; this class merges those files (and the runs an earlier session
 * completed) into summary.json every few seconds while they run and once at the end, then deletes
 * them. If this process dies first, {@code --resume} finds the worker files and keeps their
 * completed runs.
 *
 * <p>Cancelling (Ctrl-C, SIGTERM, the cancel token) sends SIGTERM to every worker, waits for them
 * to record their cancelled runs (at most {@value #STOP_GRACE_SECONDS} s, then kills), and still
 * writes the merged summary. Workers watch this process and cancel themselves if it disappears.
 */
public final class SeedWorkers {
  static final int STOP_GRACE_SECONDS = 15;
  private static final long MERGE_EVERY_NANOS = TimeUnit.SECONDS.toNanos(2);

  /** Prepares one worker process: a {@code csr-lab run} on part of the seeds. */
  @FunctionalInterface
  public interface Launcher {
    /**
     * @param dir the experiment directory (holds config.json)
     * @param seeds the seeds this worker runs
     * @param summaryFile the file name, inside {@code dir}, the worker records its runs in
     */
    ProcessBuilder worker(Path dir, List<Long> seeds, String summaryFile);
  }

  private final Path dir;
  private final ExperimentConfig config;
  private final Launcher launcher;
  private final Consumer<String> output;
  private final Consumer<String> log;
  private final long start = System.nanoTime();
  private int processes = 1;

  private SeedWorkers(
      Path dir,
      ExperimentConfig config,
      Launcher launcher,
      Consumer<String> output,
      Consumer<String> log) {
    this.dir = dir;
    this.config = config;
    this.launcher = launcher;
    this.output = output;
    this.log = log;
  }

  /**
   * Runs what is left of the experiment in {@code dir} on up to {@code workers} processes.
   *
   * @param output receives every line the workers print, prefixed with {@code [worker i]}
   * @param log receives this class's own notices
   */
  public static ExperimentOutcome run(
      Path dir,
      int workers,
      Launcher launcher,
      Consumer<String> output,
      Consumer<String> log,
      CancelToken cancel)
      throws IOException {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, not " + workers);
    }
    ExperimentConfig config =
        ConfigValidator.requireValid(ConfigJson.read(dir.resolve("config.json")));
    return new SeedWorkers(dir, config, launcher, output, log).run(workers, cancel);
  }

  /** The seeds dealt round-robin to {@code k} workers: worker i gets seeds i, i+k, i+2k… */
  static List<List<Long>> deal(List<Long> seeds, int k) {
    List<List<Long>> slices = new ArrayList<>();
    for (int i = 0; i < Math.min(k, seeds.size()); i++) {
      slices.add(new ArrayList<>());
    }
    for (int i = 0; i < seeds.size(); i++) {
      slices.get(i % slices.size()).add(seeds.get(i));
    }
    return slices.stream().map(List::copyOf).toList();
  }

  private record Worker(int index, List<Long> seeds, Process process, Thread relay) {
    String describe() {
      return "worker " + index + " (seed" + (seeds.size() == 1 ? " " : "s ") + seeds + ")";
    }
  }

  private ExperimentOutcome run(int workers, CancelToken cancel) throws IOException {
    List<RunFinished> kept = ResumeState.completedRuns(dir);
    if (!ResumeState.workerSummaries(dir).isEmpty()) {
      // Workers of an earlier session left their files: fold them into summary.json first, so
      // this session's workers can reuse the file names without losing a run.
      merge(kept);
      for (Path f : ResumeState.workerSummaries(dir)) {
        Files.delete(f);
      }
    }
    if (!kept.isEmpty()) {
      log.accept("resume: " + kept.size() + " completed run(s) kept in " + dir);
    }
    List<Long> todo =
        config.seeds().stream()
            .filter(s -> ResumeState.remaining(config, s, kept) != null)
            .toList();
    List<List<Long>> slices = deal(todo, workers);
    processes = Math.max(1, slices.size());
    if (!todo.isEmpty()) {
      log.accept(
          "experiment: "
              + dir
              + " on "
              + slices.size()
              + " worker process(es), "
              + threadsText()
              + " each; seeds "
              + slices);
    }
    List<Worker> running = new ArrayList<>();
    try {
      for (int i = 0; i < slices.size() && !cancel.isCancelled(); i++) {
        running.add(start(i + 1, slices.get(i)));
      }
      await(running, cancel, kept);
    } finally {
      stopAll(running);
    }
    List<RunFinished> merged = collect(kept);
    StudyAnalysis analysis = merge(merged);
    for (Worker w : running) {
      int code = w.process().exitValue();
      Path file = dir.resolve(ResumeState.workerSummaryName(w.index()));
      if (code != 0 && code != 1 && !cancel.isCancelled()) {
        log.accept(
            w.describe()
                + " ended with exit code "
                + code
                + (Files.exists(file) ? "" : " before recording any run")
                + "; its output is above. Run 'csr-lab run --resume "
                + dir
                + "' to redo the runs it did not finish.");
      }
    }
    for (Path f : ResumeState.workerSummaries(dir)) {
      Files.delete(f);
    }
    int expected = config.variants().size() * config.seeds().size();
    return new ExperimentOutcome(dir, merged, analysis, expected);
  }

  private String threadsText() {
    return config.threads() > 0
        ? config.threads() + " PyTorch thread(s)"
        : "all cores for PyTorch (threads 0)";
  }

  private Worker start(int index, List<Long> seeds) throws IOException {
    ProcessBuilder pb =
        launcher.worker(dir, seeds, ResumeState.workerSummaryName(index)).redirectErrorStream(true);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new IOException(
          "could not start seed worker "
              + index
              + " ("
              + String.join(" ", pb.command())
              + "): "
              + e,
          e);
    }
    String prefix = "[worker " + index + "] ";
    Thread relay =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                  output.accept(prefix + line);
                }
              } catch (IOException e) {
                output.accept(prefix + "(output lost: " + e.getMessage() + ")");
              }
            },
            "csr-lab-worker-" + index + "-output");
    relay.setDaemon(true);
    relay.start();
    return new Worker(index, seeds, p, relay);
  }

  /**
   * Waits for every worker; on cancel asks them to stop (SIGTERM) and gives them {@value
   * #STOP_GRACE_SECONDS} s to record their runs before killing them. Merges the worker files into
   * summary.json whenever one changed (at most every 2 s).
   */
  private void await(List<Worker> workers, CancelToken cancel, List<RunFinished> kept)
      throws IOException {
    long signalled = 0;
    long lastMerge = System.nanoTime();
    Map<Path, FileTime> seen = new HashMap<>();
    while (workers.stream().anyMatch(w -> w.process().isAlive())) {
      try {
        workers.get(0).process().waitFor(200, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        cancel.cancel();
      }
      long now = System.nanoTime();
      if (cancel.isCancelled()) {
        if (signalled == 0) {
          signalled = now;
          workers.forEach(w -> w.process().destroy());
        } else if (now - signalled > TimeUnit.SECONDS.toNanos(STOP_GRACE_SECONDS)) {
          for (Worker w : workers) {
            if (w.process().isAlive()) {
              log.accept(
                  w.describe() + " did not stop within " + STOP_GRACE_SECONDS + " s: killed");
              w.process().destroyForcibly();
            }
          }
        }
      } else if (now - lastMerge > MERGE_EVERY_NANOS && changed(seen)) {
        lastMerge = now;
        try {
          merge(collect(kept));
        } catch (IOException | RuntimeException e) {
          log.accept("summary.json not updated yet: " + e.getMessage());
        }
      }
    }
    for (Worker w : workers) {
      try {
        w.relay().join(TimeUnit.SECONDS.toMillis(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void stopAll(List<Worker> workers) {
    for (Worker w : workers) {
      if (w.process().isAlive()) {
        w.process().destroyForcibly();
        try {
          w.process().waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  private boolean changed(Map<Path, FileTime> seen) throws IOException {
    boolean changed = false;
    for (Path f : ResumeState.workerSummaries(dir)) {
      FileTime t;
      try {
        t = Files.getLastModifiedTime(f);
      } catch (IOException e) {
        continue; // being replaced right now
      }
      if (!t.equals(seen.put(f, t))) {
        changed = true;
      }
    }
    return changed;
  }

  /** Kept runs, overridden by what the workers recorded; in config order (seed, variant). */
  private List<RunFinished> collect(List<RunFinished> kept) throws IOException {
    Map<RunKey, RunFinished> runs = new LinkedHashMap<>();
    kept.forEach(r -> runs.put(r.key(), r));
    for (Path f : ResumeState.workerSummaries(dir)) {
      for (RunFinished r : ResumeState.recordedRuns(f)) {
        runs.put(r.key(), r);
      }
    }
    List<String> variants = config.variants().stream().map(VariantSpec::name).toList();
    return runs.values().stream()
        .sorted(
            Comparator.comparingInt((RunFinished r) -> config.seeds().indexOf(r.key().seed()))
                .thenComparingInt(r -> variants.indexOf(r.key().variant())))
        .toList();
  }

  /** Writes summary.json from {@code runs}; returns its analysis. */
  private StudyAnalysis merge(List<RunFinished> runs) throws IOException {
    SummaryWriter w = new SummaryWriter(dir, config, device()).processes(processes);
    return w.write(runs, (System.nanoTime() - start) / 1e9);
  }

  /** The device the workers reported (they start PyTorch; this process does not). */
  private String device() throws IOException {
    List<Path> files = new ArrayList<>(ResumeState.workerSummaries(dir));
    files.add(dir.resolve(ResumeState.SUMMARY));
    for (Path f : files) {
      try {
        if (Files.exists(f)) {
          String d = SummaryCodec.readTree(f).path("environment").path("device").asText("");
          if (!d.isEmpty()) {
            return d;
          }
        }
      } catch (IOException e) {
        // a file being replaced: try the next
      }
    }
    return "unknown (no worker reported)";
  }
}
