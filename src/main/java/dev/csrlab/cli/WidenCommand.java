package dev.csrlab.cli;

import dev.csrlab.config.ExperimentConfig;
import dev.csrlab.config.Method;
import dev.csrlab.config.Options;
import dev.csrlab.config.VariantSpec;
import dev.csrlab.data.DataSplits;
import dev.csrlab.data.DatasetStore;
import dev.csrlab.data.Split;
import dev.csrlab.growth.LayerWidening;
import dev.csrlab.growth.Widening;
import dev.csrlab.growth.WideningOutcome;
import dev.csrlab.nn.MlpWeights;
import dev.csrlab.nn.ReferenceForward;
import dev.csrlab.nn.Safetensors;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code csr-lab widen}: the growth operators as a tool on any MLP safetensors checkpoint. */
@Command(
    name = "widen",
    mixinStandardHelpOptions = true,
    description = "Widen a saved MLP (safetensors, PyTorch names layers.<i>.weight/bias).")
public final class WidenCommand implements Callable<Integer> {
  @Option(names = "--in", required = true, description = "input checkpoint (.safetensors)")
  Path in;

  @Option(names = "--to", required = true, split = ",", description = "target hidden widths")
  List<Integer> to;

  @Option(
      names = "--method",
      defaultValue = "continuous",
      description =
          "net2net, net2net-each-once, continuous, continuous-unsorted,"
              + " continuous-random, zero-outgoing (default ${DEFAULT-VALUE})")
  String method;

  @Option(names = "--affinity", description = "shift (default), clamp, abs")
  String affinity;

  @Option(names = "--features", description = "in, in+bias (default), in+bias+out")
  String features;

  @Option(names = "--order", description = "fiedler, greedy, 2opt, identity, random")
  String order;

  @Option(names = "--kernel", description = "linear (default) or nearest")
  String kernel;

  @Option(names = "--energy", description = "ratio (default), pinv, none")
  String energy;

  @Option(names = "--optimizer-state", description = "resample (default), consistent, reset")
  String optimizerState;

  @Option(
      names = "--noise",
      description =
          "Net2Net noise as a factor of each weight matrix's" + " std (0 = exact Net2Net)")
  Double noise;

  @Option(names = "--seed", defaultValue = "0", description = "random seed")
  long seed;

  @Option(
      names = "--activation",
      defaultValue = "relu",
      description = "activation for --report's function error (relu, gelu, silu)")
  String activation;

  @Option(names = "--out", required = true, description = "output checkpoint")
  Path out;

  @Option(
      names = "--report",
      description =
          "print order, path similarity and (with"
              + " --data-dir or a cached dataset) function error and loss change")
  boolean report;

  @Option(names = "--data-dir", description = "dataset folder/cache for --report")
  String dataDir;

  @Option(names = "--dataset", defaultValue = "mnist", description = "mnist or fashion-mnist")
  String dataset;

  @Override
  public Integer call() throws Exception {
    if (Files.exists(out)) {
      System.err.println(
          "error: " + out + " exists; CSR Lab never overwrites — choose another" + " --out");
      return 2;
    }
    VariantSpec v = variant();
    Safetensors.Checkpoint c = Safetensors.read(in);
    if (c.weights().inputSize() != 784 && report) {
      System.err.println(
          "note: input size "
              + c.weights().inputSize()
              + " is not MNIST's 784; --report shows structure only");
    }
    WideningOutcome o = Widening.widen(c.weights(), c.state(), to, v, seed, null);
    Map<String, String> meta = new LinkedHashMap<>(c.metadata());
    meta.put("widened_from", in.getFileName().toString());
    meta.put(
        "widening",
        v.method().id()
            + " affinity="
            + v.affinity().id()
            + " order="
            + v.ordering().id()
            + " energy="
            + v.energy().id()
            + " seed="
            + seed);
    Safetensors.write(out, o.weights(), o.state(), meta);
    System.out.println(
        "wrote "
            + out
            + ": hidden "
            + c.weights().hiddenWidths()
            + " -> "
            + o.weights().hiddenWidths()
            + " by "
            + v.method().id());
    if (report) {
      printReport(o, System.out);
      if (c.weights().inputSize() == 784) {
        functionReport(c.weights(), o.weights(), System.out);
      }
    }
    return 0;
  }

  private VariantSpec variant() {
    Method m = Method.fromId(method);
    if (!m.widens()) {
      throw new IllegalArgumentException(
          "--method "
              + method
              + " does not widen a model; use"
              + " net2net, net2net-each-once, continuous, continuous-unsorted, continuous-random or"
              + " zero-outgoing");
    }
    VariantSpec v = VariantSpec.of(m);
    if (affinity != null) v = v.withAffinity(Options.Affinity.of(affinity));
    if (order != null) v = v.withOrdering(Options.Ordering.of(order));
    if (kernel != null) v = v.withKernel(Options.Kernel.of(kernel));
    if (energy != null) {
      Options.Energy e = Options.Energy.of(energy);
      if (e == Options.Energy.FITTED) {
        throw new IllegalArgumentException(
            "--energy fitted needs training data and a loss;"
                + " use it inside 'csr-lab run' (variant option), or choose ratio, pinv or none");
      }
      v = v.withEnergy(e);
    }
    if (optimizerState != null)
      v = v.withOptimizerState(Options.OptimizerPolicy.of(optimizerState));
    if (noise != null) v = v.withNoise(noise);
    if (features != null) {
      v =
          new VariantSpec(
              v.name(),
              v.method(),
              v.affinity(),
              Options.Features.of(features),
              v.ordering(),
              v.kernel(),
              v.energy(),
              v.optimizerState(),
              v.noise());
    }
    return v;
  }

  static void printReport(WideningOutcome o, PrintStream out) {
    for (LayerWidening l : o.layers()) {
      String head =
          IntStream.of(l.order())
              .limit(16)
              .mapToObj(Integer::toString)
              .collect(Collectors.joining(","));
      out.printf(
          Locale.ROOT,
          "hidden%d %d→%d  order [%s%s]%n",
          l.hidden(),
          l.fromWidth(),
          l.toWidth(),
          head,
          l.order().length > 16 ? ",…" : "");
      out.printf(
          Locale.ROOT,
          "        path similarity before %.3f  after %.3f  random %.3f" + "  energy c %s%n",
          l.pathBefore(),
          l.pathAfter(),
          l.pathRandom(),
          Double.isNaN(o.energyScale()[l.hidden() - 1])
              ? "-"
              : String.format(Locale.ROOT, "%.4f", o.energyScale()[l.hidden() - 1]));
    }
  }

  private void functionReport(MlpWeights before, MlpWeights after, PrintStream out)
      throws java.io.IOException {
    ExperimentConfig.Builder b = ExperimentConfig.defaults().toBuilder();
    b.dataset = dataset;
    b.dataDir = dataDir;
    ExperimentConfig config = b.build();
    DataSplits s =
        DataSplits.of(DatasetStore.standard(dataDir, System.err::println).load(dataset), config);
    Split val = s.validation();
    Options.Activation act = Options.Activation.of(activation);
    double[] lb = ReferenceForward.logits(before, val.x(), val.n(), act);
    double[] la = ReferenceForward.logits(after, val.x(), val.n(), act);
    double mae = 0;
    for (int i = 0; i < lb.length; i++) {
      mae += Math.abs(la[i] - lb[i]);
    }
    double lossB = ReferenceForward.meanCrossEntropy(before, val.x(), val.y(), act);
    double lossA = ReferenceForward.meanCrossEntropy(after, val.x(), val.y(), act);
    out.printf(
        Locale.ROOT,
        "validation (%d samples): loss %.4f → %.4f (change %+.4f), function"
            + " error %.4f (mean |logit change|)%n",
        val.n(),
        lossB,
        lossA,
        lossA - lossB,
        mae / lb.length);
  }
}
