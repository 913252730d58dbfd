package dev.csrlab.experiment;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import dev.csrlab.config.ConfigJson;
import dev.csrlab.config.ConfigValidator;
import dev.csrlab.config.ExperimentConfig;
import dev.csrlab.data.DataSplits;
import dev.csrlab.data.DatasetStore;
import dev.csrlab.data.LoadedDataset;
import dev.csrlab.data.Split;
import dev.csrlab.stats.StudyAnalysis;
import dev.csrlab.train.CancelToken;
import dev.csrlab.train.ComputeDevice;
import dev.csrlab.train.DeviceData;
import dev.csrlab.train.RunFinished;
import dev.csrlab.train.SeedFailure;
import dev.csrlab.train.SeedProtocol;
import dev.csrlab.train.TensorSplit;
import dev.csrlab.train.TrainingListener;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs every variant × seed of a config (SPEC §5): validates it, creates {@code
 * <out>/<yyyyMMdd-HHmmss>-<name>/}, loads the data once onto the device, runs each seed's {@link
 * SeedProtocol} (shared prefix, paired branches) and writes config.json and summary.json — the
 * summary after every seed, so an interrupted study keeps what it finished.
 */
public final class ExperimentRunner {
  private final ExperimentConfig config;
  private final List<TrainingListener> listeners;
  private final Consumer<String> log;
  private final Sinks sinks;

  public ExperimentRunner(
      ExperimentConfig config, List<TrainingListener> listeners, Consumer<String> log) {
    this(config, listeners, log, Sinks.files());
  }

  /** With a choice of standard sinks (console on/off, files). */
  public ExperimentRunner(
      ExperimentConfig config,
      List<TrainingListener> listeners,
      Consumer<String> log,
      Sinks sinks) {
    this.config = config;
    this.listeners = List.copyOf(listeners);
    this.log = log;
    this.sinks = sinks;
  }

  /** Runs the experiment; returns its directory. Throws on invalid config before training. */
  public Path run(CancelToken cancel) throws IOException {
    return execute(cancel).directory();
  }

  /** Runs the experiment in a new directory and returns its directory and results. */
  public ExperimentOutcome execute(CancelToken cancel) throws IOException {
    ConfigValidator.requireValid(config);
    Prepared p = prepare();
    Path dir = createDirectory(config);
    return runSeeds(p, dir, List.of(), cancel, ResumeState.SUMMARY);
  }

  /**
   * Validates {@code config}, creates its experiment directory {@code
   * <out>/<yyyyMMdd-HHmmss>-<name>/} and writes config.json there; nothing is trained. {@link
   * SeedWorkers} then runs it in worker processes.
   */
  public static Path createDirectory(ExperimentConfig config) throws IOException {
    ConfigValidator.requireValid(config);
    Path dir =
        ExperimentDirectory.create(
            outputRoot(config.out()), config.name(), LocalDateTime.now(ZoneId.systemDefault()));
    ConfigJson.write(config, dir.resolve("config.json"));
    return dir;
  }

  /**
   * Continues an interrupted study in its own directory (SPEC §5 layout): runs that completed are
   * kept and skipped; every other (variant, seed) is run again from the seed's start — the same
   * random streams give the same small model and data order — after its unfinished run directory is
   * moved aside to {@code <run>.incomplete-<k>} (nothing is overwritten).
   */
  public static ExperimentOutcome resume(
      Path dir,
      List<TrainingListener> listeners,
      Consumer<String> log,
      Sinks sinks,
      CancelToken cancel)
      throws IOException {
    ExperimentConfig config =
        ConfigValidator.requireValid(ConfigJson.read(dir.resolve("config.json")));
    List<RunFinished> done = ResumeState.completedRuns(dir);
    log.accept("resume: " + done.size() + " completed run(s) kept in " + dir);
    ExperimentRunner r = new ExperimentRunner(config, listeners, log, sinks);
    return r.runSeeds(r.prepare(), dir, done, cancel, ResumeState.SUMMARY);
  }

  /**
   * One seed worker of {@link SeedWorkers}: runs what is left of {@code seeds} in the experiment
   * directory {@code dir} (completed runs are kept, as in {@link #resume}) and records its runs in
   * {@code <dir>/<summaryFile>} ({@code summary.worker-<i>.json}) instead of summary.json, which
   * the parent process merges.
   */
  public static ExperimentOutcome runWorker(
      Path dir,
      List<Long> seeds,
      String summaryFile,
      Consumer<String> log,
      Sinks sinks,
      CancelToken cancel)
      throws IOException {
    if (!summaryFile.matches(
        java.util.regex.Pattern.quote(ResumeState.WORKER_PREFIX) + "\\d+\\.json")) {
      throw new IllegalArgumentException(
          "a worker summary is named "
              + ResumeState.workerSummaryName(1)
              + " etc., not '"
              + summaryFile
              + "'");
    }
    ExperimentConfig all =
        ConfigValidator.requireValid(ConfigJson.read(dir.resolve("config.json")));
    List<Long> unknown = seeds.stream().filter(s -> !all.seeds().contains(s)).toList();
    if (seeds.isEmpty() || !unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "worker seeds "
              + seeds
              + " must be a non-empty subset of the experiment's seeds "
              + all.seeds());
    }
    ExperimentConfig.Builder b = all.toBuilder();
    b.seeds = List.copyOf(seeds);
    ExperimentConfig config = b.build();
    List<RunFinished> done =
        ResumeState.completedRuns(dir).stream()
            .filter(r -> seeds.contains(r.key().seed()))
            .toList();
    ExperimentRunner r = new ExperimentRunner(config, List.of(), log, sinks);
    return r.runSeeds(r.prepare(), dir, done, cancel, summaryFile);
  }

  private record Prepared(Device device, String deviceName, DataSplits splits) {}

  private Prepared prepare() throws IOException {
    ComputeDevice.configureThreads(config.threads());
    Device device = ComputeDevice.choose(config.device(), log);
    String deviceName = ComputeDevice.describe(device);
    LoadedDataset dataset = DatasetStore.standard(config.dataDir(), log).load(config.dataset());
    return new Prepared(device, deviceName, DataSplits.of(dataset, config));
  }

  private ExperimentOutcome runSeeds(
      Prepared p, Path dir, List<RunFinished> kept, CancelToken cancel, String summaryFile)
      throws IOException {
    log.accept("experiment: " + dir + " on " + p.deviceName());
    long start = System.nanoTime();
    List<RunFinished> finished = new ArrayList<>(kept);
    SummaryWriter summary = new SummaryWriter(dir, config, p.deviceName(), summaryFile);
    try (DeviceData data = upload(p.device(), p.splits());
        EventBus bus = new EventBus(sinks.create(dir, config, log), listeners)) {
      // Seeds run one after another: DJL's PyTorch GradientCollector is process-global (one may
      // collect at a time), so seeds cannot train on parallel threads of one JVM.
      for (long seed : config.seeds()) {
        ExperimentConfig todo = ResumeState.remaining(config, seed, kept);
        if (todo == null || cancel.isCancelled()) {
          continue;
        }
        ResumeState.moveAsideUnfinished(dir, todo, seed);
        SeedProtocol protocol =
            new SeedProtocol(
                todo, data, bus, cancel, key -> runDirectory(dir, key.dirName()), p.deviceName());
        try {
          finished.addAll(protocol.run(seed));
        } catch (SeedFailure e) {
          // A sink or the engine failed mid-run: the seed's open runs ended "failed". Keep them
          // and what finished before, then report the original error.
          finished.addAll(e.runs());
          writeQuietly(summary, finished, start);
          throw e.getCause();
        } catch (RuntimeException e) {
          // A sink failed mid-run (e.g. disk full): keep what finished before rethrowing.
          writeQuietly(summary, finished, start);
          throw e;
        }
        summary.write(List.copyOf(finished), (System.nanoTime() - start) / 1e9);
      }
    }
    StudyAnalysis analysis =
        summary.write(List.copyOf(finished), (System.nanoTime() - start) / 1e9);
    if (ResumeState.SUMMARY.equals(summaryFile)) {
      // Runs of workers of an earlier session are in summary.json now (kept above).
      for (Path f : ResumeState.workerSummaries(dir)) {
        java.nio.file.Files.deleteIfExists(f);
      }
    }
    return new ExperimentOutcome(dir, List.copyOf(finished), analysis);
  }

  private void writeQuietly(SummaryWriter summary, List<RunFinished> finished, long start) {
    try {
      summary.write(List.copyOf(finished), (System.nanoTime() - start) / 1e9);
    } catch (IOException | RuntimeException e) {
      log.accept("summary.json could not be written either: " + e.getMessage());
    }
  }

  /**
   * Where experiments go. An installed lab ({@code -Dcsrlab.installed=true}, set by the packaged
   * launcher) resolves a relative {@code out} under {@code ~/csr-lab/}, never inside its install
   * folder or whatever directory it was started from.
   */
  public static Path outputRoot(String out) {
    Path p =
        Path.of(out.startsWith("~/") ? System.getProperty("user.home") + out.substring(1) : out);
    if (!p.isAbsolute() && Boolean.getBoolean("csrlab.installed")) {
      return Path.of(System.getProperty("user.home"), "csr-lab").resolve(p).normalize();
    }
    return p.toAbsolutePath().normalize();
  }

  /** Creates {@code <experiment>/<variant>-seed<k>/}; it must not exist yet (never overwrite). */
  private static Path runDirectory(Path experiment, String name) {
    try {
      return java.nio.file.Files.createDirectory(experiment.resolve(name));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(
          "cannot create run directory " + experiment.resolve(name) + ": " + e, e);
    }
  }

  private static DeviceData upload(Device device, DataSplits s) {
    NDManager m = NDManager.newBaseManager(device);
    return new DeviceData(
        m,
        upload(m, s.train()),
        upload(m, s.validation()),
        upload(m, s.validationSubset()),
        upload(m, s.test()),
        Split.FEATURES,
        10);
  }

  private static TensorSplit upload(NDManager m, Split s) {
    return TensorSplit.upload(m, s.x(), s.y(), Split.FEATURES);
  }
}
