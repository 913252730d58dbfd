package dev.csrlab.cli;

import ai.djl.Device;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csrlab.bench.Benchmarks;
import dev.csrlab.bench.Benchmarks.SeriationTime;
import dev.csrlab.config.ExperimentConfig;
import dev.csrlab.config.Options.Affinity;
import dev.csrlab.config.TriggerSpec;
import dev.csrlab.experiment.ExperimentOutcome;
import dev.csrlab.experiment.ExperimentRunner;
import dev.csrlab.experiment.Sinks;
import dev.csrlab.growth.Seriation;
import dev.csrlab.train.CancelToken;
import dev.csrlab.train.ComputeDevice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code csr-lab bench}: throughput, validation cost, seriation scaling, experiment time, RSS. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Measure training speed, per-step validation cost, Fiedler time at growing"
            + " widths, whole-experiment wall time, seeds in one process vs worker processes and"
            + " peak memory. Prints ratios; asserts nothing.")
public final class BenchCommand implements Callable<Integer> {
  /** PyTorch eager (Python, best thread setting) on this kind of machine, STACK.md. */
  static final Map<Integer, Double> PYTORCH_REFERENCE = Map.of(128, 766.0, 256, 449.0);

  @Option(names = "--short", description = "tiny sizes: checks the bench itself (CI)")
  boolean quick;

  @Option(names = "--json", description = "machine-readable output")
  boolean json;

  @Option(names = "--threads", defaultValue = "0", description = "PyTorch threads (0 = all)")
  int threads;

  @Option(names = "--steps", description = "timed steps per width (default 600, short 20)")
  Integer steps;

  @Option(
      names = "--max-units",
      description = "largest seriation size (default 16384, short" + " 512)")
  Integer maxUnits;

  @Option(names = "--dense-max", description = "largest size for the dense solver (default 2048)")
  Integer denseMax;

  @Option(names = "--no-experiment", description = "skip the whole-experiment timing")
  boolean noExperiment;

  @Option(names = "--data-dir", description = "dataset cache for the experiment timing")
  String dataDir;

  @Option(
      names = "--no-workers",
      description = "skip timing seeds in one process vs in one worker process per core")
  boolean noWorkers;

  @Override
  public Integer call() throws Exception {
    ComputeDevice.configureThreads(threads);
    Device device = ComputeDevice.choose("auto", System.err::println);
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode out = mapper.createObjectNode();
    out.put("device", ComputeDevice.describe(device));
    out.put("cores", Runtime.getRuntime().availableProcessors());
    int n = steps != null ? steps : quick ? 20 : 600;
    ObjectNode sps = out.putObject("steps_per_second");
    ObjectNode spsVal = out.putObject("steps_per_second_with_validation");
    ObjectNode valMs = out.putObject("validation_ms_per_step");
    ObjectNode ratio = out.putObject("ratio_vs_pytorch_eager");
    ObjectNode ref = out.putObject("pytorch_eager_reference_steps_per_second");
    for (int width : List.of(128, 256)) {
      Benchmarks.Throughput t = Benchmarks.throughput(device, width, n, 1024);
      String k = Integer.toString(width);
      sps.put(k, t.trainStepsPerSecond());
      spsVal.put(k, t.stepsWithValidationPerSecond());
      valMs.put(k, t.validationMillis());
      ref.put(k, PYTORCH_REFERENCE.get(width));
      ratio.put(k, t.trainStepsPerSecond() / PYTORCH_REFERENCE.get(width));
      out.with("train_step_ms").put(k, t.trainStepMillis());
    }
    ObjectNode fiedler = out.putObject("fiedler_seconds");
    for (SeriationTime s : seriationTimes()) {
      fiedler.with(s.solver() + "/" + s.affinity()).put(Integer.toString(s.units()), s.seconds());
    }
    if (!noExperiment) {
      out.put("experiment_seconds", experimentSeconds());
      out.put(
          "experiment",
          quick
              ? "A,B,C tiny (2,048 samples, 2 epochs)"
              : "A,B,C spec default (E=10, T=3, seed 0)");
    }
    int cores = Runtime.getRuntime().availableProcessors();
    if (!noWorkers && cores > 1) {
      out.set("seeds_on_cores", seedsOnCores(mapper, cores));
    }
    out.put("peak_rss_mib", Benchmarks.peakRssMiB());
    if (json) {
      System.out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(out));
    } else {
      printTable(out);
    }
    return 0;
  }

  private List<SeriationTime> seriationTimes() {
    int max = maxUnits != null ? maxUnits : quick ? 512 : 16384;
    int dense = denseMax != null ? denseMax : quick ? 256 : 2048;
    List<SeriationTime> times = new ArrayList<>();
    for (int units = 128; units <= max; units *= 2) {
      if (units <= dense) {
        times.add(Benchmarks.seriation(units, Seriation.Solver.DENSE, Affinity.SHIFT));
      }
      for (Affinity a : Affinity.values()) {
        if (a == Affinity.SHIFT || units <= Math.min(max, 8192)) {
          times.add(Benchmarks.seriation(units, Seriation.Solver.LANCZOS, a));
        }
      }
    }
    return times;
  }

  private double experimentSeconds() throws Exception {
    ExperimentConfig.Builder b = ExperimentConfig.defaults().toBuilder();
    Path tmp = Files.createTempDirectory("csr-lab-bench");
    b.out = tmp.toString();
    b.name = "bench";
    b.dataDir = dataDir;
    b.threads = threads;
    if (quick) {
      b.trainSubset = 2048;
      b.epochs = 2;
      b.widening = TriggerSpec.afterEpoch(1);
      b.valSubset = 256;
    }
    long t0 = System.nanoTime();
    ExperimentOutcome o =
        new ExperimentRunner(b.build(), List.of(), System.err::println, Sinks.files())
            .execute(new CancelToken());
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (!o.allCompleted()) {
      throw new IllegalStateException("the timed experiment did not complete: " + o.runs());
    }
    return seconds;
  }

  /**
   * The same seeds run by {@code csr-lab run} twice, as a user would: {@code --workers 1} (one
   * process, all cores for PyTorch) and {@code --workers <cores>} (one single-share worker per
   * core). Wall time of the whole command, JVM starts and data loading included.
   */
  private ObjectNode seedsOnCores(ObjectMapper mapper, int cores) throws Exception {
    ObjectNode r = mapper.createObjectNode();
    String seeds = "0-" + (cores - 1);
    r.put("experiment", (quick ? "A,B,C tiny (2,048 samples, 2 epochs)" : "A,B,C spec default"));
    r.put("seeds", seeds);
    r.put("workers", cores);
    double one = timedRun(seeds, 1);
    double many = timedRun(seeds, cores);
    r.put("one_process_seconds", one);
    r.put("workers_seconds", many);
    r.put("speedup", one / many);
    return r;
  }

  private double timedRun(String seeds, int workers) throws Exception {
    Path tmp = Files.createTempDirectory("csr-lab-bench-workers");
    List<String> args = new ArrayList<>();
    args.addAll(List.of("run", "--quiet", "--seeds", seeds, "--workers", "" + workers));
    args.addAll(List.of("--out", tmp.toString()));
    if (dataDir != null) {
      args.addAll(List.of("--data-dir", dataDir));
    }
    if (quick) {
      args.addAll(
          List.of(
              "--train-subset",
              "2048",
              "--epochs",
              "2",
              "--expand-epoch",
              "1",
              "--val-subset",
              "256"));
    }
    Path log = tmp.resolve("output.txt");
    ProcessBuilder pb = SelfLauncher.processBuilder(args).redirectErrorStream(true);
    long t0 = System.nanoTime();
    Process p = pb.redirectOutput(log.toFile()).start();
    int code = p.waitFor();
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (code != 0) {
      List<String> lines = Files.readAllLines(log);
      throw new IllegalStateException(
          "the timed 'run --workers "
              + workers
              + "' failed (exit "
              + code
              + "):\n"
              + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())));
    }
    System.err.printf(
        Locale.ROOT, "seeds %s with --workers %d: %.1f s (%s)%n", seeds, workers, seconds, tmp);
    return seconds;
  }

  private static void printTable(ObjectNode o) {
    System.out.println(
        "CSR Lab bench — " + o.get("device").asText() + ", " + o.get("cores") + " cores");
    System.out.printf(Locale.ROOT, "%-34s %10s %10s%n", "", "width 128", "width 256");
    row("train steps/s (batch 128)", o, "steps_per_second", "%10.1f");
    row("PyTorch eager reference steps/s", o, "pytorch_eager_reference_steps_per_second", "%10.1f");
    row("ratio lab / PyTorch", o, "ratio_vs_pytorch_eager", "%10.2f");
    row("steps/s with per-step validation", o, "steps_per_second_with_validation", "%10.1f");
    row("train step (ms)", o, "train_step_ms", "%10.2f");
    row("subset validation (ms per step)", o, "validation_ms_per_step", "%10.2f");
    System.out.println();
    System.out.println("Fiedler vector (seconds):");
    o.get("fiedler_seconds")
        .fields()
        .forEachRemaining(
            e -> {
              StringBuilder sb =
                  new StringBuilder(String.format(Locale.ROOT, "  %-16s", e.getKey()));
              e.getValue()
                  .fields()
                  .forEachRemaining(
                      v ->
                          sb.append(
                              String.format(
                                  Locale.ROOT,
                                  "  n=%s: %.3f",
                                  v.getKey(),
                                  v.getValue().asDouble())));
              System.out.println(sb);
            });
    if (o.has("experiment_seconds")) {
      System.out.printf(
          Locale.ROOT,
          "%nwhole experiment (%s): %.1f s%n",
          o.get("experiment").asText(),
          o.get("experiment_seconds").asDouble());
    }
    if (o.has("seeds_on_cores")) {
      ObjectNode w = (ObjectNode) o.get("seeds_on_cores");
      System.out.printf(
          Locale.ROOT,
          "seeds %s (%s): one process %.1f s, %d worker processes %.1f s → %.2f×%n",
          w.get("seeds").asText(),
          w.get("experiment").asText(),
          w.get("one_process_seconds").asDouble(),
          w.get("workers").asInt(),
          w.get("workers_seconds").asDouble(),
          w.get("speedup").asDouble());
    }
    System.out.printf(Locale.ROOT, "peak RSS: %.0f MiB%n", o.get("peak_rss_mib").asDouble());
  }

  private static void row(String label, ObjectNode o, String key, String fmt) {
    System.out.printf(
        Locale.ROOT,
        "%-34s" + fmt + " " + fmt + "%n",
        label,
        o.get(key).get("128").asDouble(),
        o.get(key).get("256").asDouble());
  }
}
