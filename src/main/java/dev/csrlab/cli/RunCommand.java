package dev.csrlab.cli;

import dev.csrlab.config.ConfigException;
import dev.csrlab.config.ConfigJson;
import dev.csrlab.config.ConfigValidator;
import dev.csrlab.config.ExperimentConfig;
import dev.csrlab.config.Method;
import dev.csrlab.config.Options;
import dev.csrlab.config.TriggerSpec;
import dev.csrlab.config.VariantSpec;
import dev.csrlab.experiment.ExperimentOutcome;
import dev.csrlab.experiment.ExperimentRunner;
import dev.csrlab.experiment.SeedWorkers;
import dev.csrlab.experiment.Sinks;
import dev.csrlab.train.CancelToken;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code csr-lab run}: the experiment headless; flags override the config file. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Run an experiment headless (variants × seeds) and write a run directory.")
public final class RunCommand implements Callable<Integer> {
  static final String WORKER_SEEDS = "--worker-seeds";
  static final String WORKER_SUMMARY = "--worker-summary";

  @Spec CommandSpec spec;

  @Option(names = "--config", description = "JSON config file (flags override it)")
  Path configFile;

  @Option(names = "--name", description = "experiment name (part of the directory name)")
  String name;

  @Option(
      names = "--protocols",
      split = ",",
      description =
          "variants: A,B,C or scratch,net2net,continuous,net2net-each-once,"
              + "continuous-unsorted,continuous-random,small-continue,zero-outgoing,scratch-matched")
  List<String> protocols;

  @Option(names = "--widths", split = ",", description = "hidden widths, e.g. 128,128")
  List<Integer> widths;

  @Option(names = "--target-widths", split = ",", description = "widths after widening")
  List<Integer> targetWidths;

  @Option(names = "--activation", description = "relu, gelu or silu")
  String activation;

  @Option(names = "--dataset", description = "mnist or fashion-mnist")
  String dataset;

  @Option(names = "--epochs", description = "total epochs E")
  Integer epochs;

  @Option(names = "--expand-epoch", description = "widen after epoch T (1 ≤ T ≤ E−1)")
  Integer expandEpoch;

  @Option(names = "--expand-step", description = "widen after update N")
  Long expandStep;

  @Option(
      names = "--expand-threshold",
      description = "widen when subset val loss drops below this value")
  Double expandThreshold;

  @Option(names = "--expand-plateau", description = "widen on a plateau: DELTA,STEPS", split = ",")
  List<Double> expandPlateau;

  @Option(names = "--latest-step", description = "fallback step for threshold/plateau triggers")
  Long latestStep;

  @Option(names = "--seeds", description = "seeds: 0,1,2 or 0-4")
  String seeds;

  @Option(names = "--lr", description = "learning rate")
  Double lr;

  @Option(names = "--weight-decay", description = "AdamW weight decay")
  Double weightDecay;

  @Option(names = "--batch-size", description = "batch size")
  Integer batchSize;

  @Option(names = "--train-subset", description = "use the first N training samples")
  Integer trainSubset;

  @Option(names = "--val-subset", description = "per-step validation subset size")
  Integer valSubset;

  @Option(names = "--peak-window", description = "P steps after widening for peak shock")
  Integer peakWindow;

  @Option(
      names = "--full-val-window",
      description = "full-split validation every step for ±W steps around widening")
  Integer fullValWindow;

  @Option(
      names = "--optimizer-state",
      description = "resample, consistent or reset (all widened" + " variants)")
  String optimizerState;

  @Option(names = "--device", description = "auto, cpu or gpu")
  String device;

  @Option(names = "--threads", description = "PyTorch threads (0 = all cores)")
  Integer threads;

  @Option(names = "--data-dir", description = "dataset cache / folder with idx files")
  String dataDir;

  @Option(names = "--out", description = "parent directory of experiment directories")
  String out;

  @Option(names = "--save-checkpoints", description = "save safetensors before/after widening")
  Boolean saveCheckpoints;

  @Option(names = "--quiet", description = "no progress bars (widening blocks and results only)")
  boolean quiet;

  @Option(
      names = "--resume",
      description =
          "continue an interrupted experiment directory:"
              + " completed runs are kept, the rest run again (other flags are ignored)")
  Path resume;

  @Option(
      names = "--workers",
      description =
          "seed worker processes: N, or auto (default: one per core, at most one per seed; 1"
              + " with --device gpu or when --threads takes every core). Seeds are dealt"
              + " round-robin; each worker gets cores/N PyTorch threads unless --threads is"
              + " given. 1: every seed in this process")
  String workers;

  @Option(names = WORKER_SEEDS, hidden = true, description = "internal: this worker's seeds")
  String workerSeeds;

  @Option(names = WORKER_SUMMARY, hidden = true, description = "internal: this worker's summary")
  String workerSummary;

  @Override
  public Integer call() throws Exception {
    CancelToken cancel = new CancelToken();
    java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(1);
    // Ctrl-C / SIGTERM: ask the loop to stop at the next step, then give it time to close its
    // event files and write summary.json before the JVM exits (STACK.md: never free native
    // memory from the hook itself).
    Thread hook =
        new Thread(
            () -> {
              cancel.cancel();
              try {
                finished.await(20, java.util.concurrent.TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "csr-lab-cancel");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      java.util.function.Consumer<String> log = msg -> spec.commandLine().getErr().println(msg);
      if (workerSeeds != null || workerSummary != null) {
        return runAsWorker(log, cancel);
      }
      List<String> problems = new ArrayList<>();
      Integer requested = requestedWorkers(problems);
      int cores = Runtime.getRuntime().availableProcessors();
      ExperimentOutcome outcome;
      ExperimentConfig config;
      if (resume != null) {
        if (!problems.isEmpty()) {
          spec.commandLine().getErr().println(new ConfigException(problems).getMessage());
          return 2;
        }
        config = ConfigJson.read(resume.resolve("config.json"));
        WorkerPlan plan =
            WorkerPlan.of(
                requested, config.threads(), true, config.seeds().size(), config.device(), cores);
        if (plan.workers() > 1) {
          if (config.threads() == 0) {
            log.accept(
                "note: config.json asks for all cores (threads 0) in each of the "
                    + plan.workers()
                    + " workers; they will compete for the cores");
          }
          outcome = workersRun(resume, plan.workers(), log, cancel);
        } else {
          outcome = ExperimentRunner.resume(resume, List.of(), log, Sinks.console(quiet), cancel);
        }
      } else {
        WorkerPlan plan;
        try {
          config = buildConfig(problems);
          plan =
              WorkerPlan.of(
                  requested,
                  config.threads(),
                  threads != null,
                  config.seeds().size(),
                  config.device(),
                  cores);
          if (plan.threads() != config.threads()) {
            ExperimentConfig.Builder b = config.toBuilder();
            b.threads = plan.threads();
            config = b.build();
          }
          config = ConfigValidator.requireValid(config);
        } catch (ConfigException e) {
          spec.commandLine().getErr().println(e.getMessage());
          return 2;
        }
        if (plan.workers() > 1) {
          outcome =
              workersRun(ExperimentRunner.createDirectory(config), plan.workers(), log, cancel);
        } else {
          outcome =
              new ExperimentRunner(config, List.of(), log, Sinks.console(quiet)).execute(cancel);
        }
      }
      ResultTable.print(outcome, config, System.out);
      System.out.flush();
      return outcome.allCompleted() ? 0 : 1;
    } finally {
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is already exiting after Ctrl-C: the hook is running
      }
    }
  }

  ExperimentConfig buildConfig() {
    return buildConfig(new ArrayList<>());
  }

  /**
   * The config of the flags over the config file; throws with every problem, incl. earlier ones.
   */
  ExperimentConfig buildConfig(List<String> problems) {
    ExperimentConfig base =
        configFile == null ? ExperimentConfig.defaults() : ConfigJson.read(configFile);
    ExperimentConfig.Builder b = base.toBuilder();
    if (name != null) b.name = name;
    if (protocols != null) b.variants = variants(protocols, problems);
    if (widths != null) b.widths = widths;
    if (targetWidths != null) b.targetWidths = targetWidths;
    if (activation != null) b.activation = parse(() -> Options.Activation.of(activation), problems);
    if (dataset != null) b.dataset = dataset;
    if (epochs != null) b.epochs = epochs;
    if (expandEpoch != null) b.widening = TriggerSpec.afterEpoch(expandEpoch);
    if (expandStep != null) b.widening = TriggerSpec.atStep(expandStep);
    long latest = latestStep == null ? 0 : latestStep;
    if (expandThreshold != null) b.widening = TriggerSpec.belowLoss(expandThreshold, latest);
    if (expandPlateau != null) {
      if (expandPlateau.size() != 2) {
        problems.add("--expand-plateau takes DELTA,STEPS, e.g. 0.001,200");
      } else {
        b.widening =
            TriggerSpec.plateau(expandPlateau.get(0), expandPlateau.get(1).intValue(), latest);
      }
    }
    if (seeds != null) b.seeds = parse(() -> SeedList.parse(seeds), problems);
    if (lr != null) b.lr = lr;
    if (weightDecay != null) b.weightDecay = weightDecay;
    if (batchSize != null) b.batchSize = batchSize;
    if (trainSubset != null) b.trainSubset = trainSubset;
    if (valSubset != null) b.valSubset = valSubset;
    if (peakWindow != null) b.peakWindow = peakWindow;
    if (fullValWindow != null) b.fullValWindow = fullValWindow;
    if (device != null) b.device = device;
    if (threads != null) b.threads = threads;
    if (dataDir != null) b.dataDir = dataDir;
    if (out != null) b.out = out;
    if (saveCheckpoints != null) b.saveCheckpoints = saveCheckpoints;
    if (optimizerState != null && b.variants != null) {
      Options.OptimizerPolicy p = parse(() -> Options.OptimizerPolicy.of(optimizerState), problems);
      if (p != null) {
        b.variants = b.variants.stream().map(v -> v.withOptimizerState(p)).toList();
      }
    }
    ExperimentConfig c = b.build();
    problems.addAll(ConfigValidator.problems(c));
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return c;
  }

  /** {@code --workers}: N ≥ 1, or null for auto (also when not given). */
  private Integer requestedWorkers(List<String> problems) {
    if (workers == null || workers.equals("auto")) {
      return null;
    }
    try {
      int k = Integer.parseInt(workers.trim());
      if (k >= 1) {
        return k;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add("--workers '" + workers + "' must be a whole number ≥ 1 or 'auto' (one per core)");
    return null;
  }

  private ExperimentOutcome workersRun(
      Path dir, int k, java.util.function.Consumer<String> log, CancelToken cancel)
      throws java.io.IOException {
    java.io.PrintStream out = System.out;
    return SeedWorkers.run(dir, k, new SelfLauncher(quiet), out::println, log, cancel);
  }

  /** One seed worker of a parent {@code run --workers}: its seeds of the --resume directory. */
  private int runAsWorker(java.util.function.Consumer<String> log, CancelToken cancel)
      throws java.io.IOException {
    if (resume == null || workerSeeds == null || workerSummary == null) {
      spec.commandLine()
          .getErr()
          .println(
              WORKER_SEEDS
                  + " and "
                  + WORKER_SUMMARY
                  + " are set by 'run --workers' for its worker processes, together with"
                  + " --resume; use --workers N instead");
      return 2;
    }
    // If the parent disappears (killed), stop at the next step and record the runs as cancelled.
    ProcessHandle.current().parent().ifPresent(p -> p.onExit().thenRun(cancel::cancel));
    ExperimentOutcome o =
        ExperimentRunner.runWorker(
            resume, SeedList.parse(workerSeeds), workerSummary, log, Sinks.console(quiet), cancel);
    return o.allCompleted() ? 0 : 1;
  }

  private static List<VariantSpec> variants(List<String> names, List<String> problems) {
    List<VariantSpec> v = new ArrayList<>();
    for (String n : names) {
      VariantSpec s = parse(() -> VariantSpec.of(Method.fromId(n)), problems);
      if (s != null) {
        v.add(s);
      }
    }
    return v;
  }

  private static <T> T parse(java.util.function.Supplier<T> s, List<String> problems) {
    try {
      return s.get();
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
      return null;
    }
  }
}
