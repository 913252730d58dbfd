package dev.csrlab.ui.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.csrlab.config.ConfigException;
import dev.csrlab.config.ConfigJson;
import dev.csrlab.config.ExperimentConfig;
import dev.csrlab.growth.LayerWidening;
import dev.csrlab.log.NpyArray;
import dev.csrlab.stats.SummaryCodec;
import dev.csrlab.train.RunKey;
import dev.csrlab.train.RunResult;
import dev.csrlab.ui.session.Criterion;
import dev.csrlab.ui.session.RunSeries;
import dev.csrlab.ui.session.Session;
import dev.csrlab.ui.session.WideningInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Opens an experiment directory (SPEC §5 layout) as a {@link Session}: config.json, summary.json
 * and per run {@code metrics.csv} and the similarity matrices. Whatever is missing or unreadable is
 * skipped with a warning, so a cancelled or crashed experiment still opens.
 */
public final class ExperimentDirReader {
  private static final Pattern RUN_DIR = Pattern.compile("(.+)-seed(\\d+)");
  private static final Pattern SIMILARITY = Pattern.compile("similarity-hidden(\\d+)-before\\.npy");

  private ExperimentDirReader() {}

  /** True when {@code dir} looks like an experiment directory. */
  public static boolean isExperimentDir(Path dir) {
    return Files.isRegularFile(dir.resolve("config.json"))
        || Files.isRegularFile(dir.resolve("summary.json"));
  }

  public static Session read(Path dir, List<String> warnings) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException(dir + " is not a directory; choose an experiment folder under runs/");
    }
    ExperimentConfig config = null;
    Path cfg = dir.resolve("config.json");
    if (Files.isRegularFile(cfg)) {
      try {
        config = ConfigJson.read(cfg);
      } catch (ConfigException e) {
        warnings.add("config.json not read: " + e.getMessage());
      }
    } else {
      warnings.add("no config.json in " + dir);
    }
    Session s = new Session(config);
    s.setExperimentDir(dir);
    Map<RunKey, RunResult> results = readSummary(dir, s, warnings);
    try (Stream<Path> children = Files.list(dir)) {
      for (Path run : children.sorted().toList()) {
        Matcher m = RUN_DIR.matcher(run.getFileName().toString());
        if (Files.isDirectory(run) && m.matches()) {
          RunKey key = new RunKey(m.group(1), Long.parseLong(m.group(2)));
          readRun(run, key, s, results.get(key), config, warnings);
        }
      }
    }
    return s;
  }

  /** The criteria verdicts of summary.json, or an empty list when absent/unreadable. */
  public static List<Criterion> readCriteria(Path dir) {
    try {
      return SummaryJson.criteria(SummaryJson.readTree(dir.resolve("summary.json")));
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  private static Map<RunKey, RunResult> readSummary(Path dir, Session s, List<String> warnings) {
    Map<RunKey, RunResult> byKey = new TreeMap<>((a, b) -> a.dirName().compareTo(b.dirName()));
    Path file = dir.resolve("summary.json");
    if (!Files.isRegularFile(file)) {
      warnings.add("no summary.json (experiment unfinished?): results table will be empty");
      return byKey;
    }
    try {
      JsonNode root = SummaryJson.readTree(file);
      for (RunResult r : SummaryCodec.runsFromJson(root.path("runs"))) {
        RunKey key = new RunKey(r.variant(), r.seed());
        byKey.put(key, r);
        s.series(key);
        s.putResult(key, r);
      }
      s.setCriteria(SummaryJson.criteria(root));
    } catch (IOException | RuntimeException e) {
      warnings.add("summary.json not read: " + e.getMessage());
    }
    return byKey;
  }

  private static void readRun(
      Path run,
      RunKey key,
      Session s,
      RunResult result,
      ExperimentConfig config,
      List<String> warnings) {
    RunSeries series = s.series(key);
    Path csv = run.resolve("metrics.csv");
    if (Files.isRegularFile(csv)) {
      try {
        MetricsCsv.read(csv, series);
      } catch (IOException e) {
        warnings.add(key + ": metrics.csv not read: " + e.getMessage());
      }
    }
    long step =
        result != null && result.wideningStep() > 0
            ? result.wideningStep()
            : series.wideningStepFromPhase();
    List<LayerWidening> layers = readLayers(run, key, result, config, warnings);
    if (step > 0 || !layers.isEmpty()) {
      double shock = result == null ? Double.NaN : result.shock();
      double fe = result == null ? Double.NaN : result.functionError();
      String trigger = result == null ? null : result.trigger();
      s.putWidening(
          key,
          new WideningInfo(step, trigger, shock, fe, layers, incomingWeights(run, key, warnings)));
    }
  }

  /** Layer-1 incoming weights saved at widening ({@code weights-hidden1-incoming.npy}). */
  private static List<float[]> incomingWeights(Path run, RunKey key, List<String> warnings) {
    Path f = run.resolve("weights-hidden1-incoming.npy");
    if (!Files.isRegularFile(f)) {
      return null;
    }
    try {
      double[] v = NpyArray.read(f).values();
      float[] w = new float[v.length];
      for (int i = 0; i < v.length; i++) {
        w[i] = (float) v[i];
      }
      return List.of(w);
    } catch (IOException e) {
      warnings.add(key + ": " + f.getFileName() + " not read: " + e.getMessage());
      return null;
    }
  }

  private static List<LayerWidening> readLayers(
      Path run, RunKey key, RunResult result, ExperimentConfig config, List<String> warnings) {
    List<LayerWidening> layers = new ArrayList<>();
    try (Stream<Path> files = Files.list(run)) {
      for (Path f : files.sorted().toList()) {
        Matcher m = SIMILARITY.matcher(f.getFileName().toString());
        if (m.matches()) {
          int hidden = Integer.parseInt(m.group(1));
          try {
            layers.add(readLayer(run, hidden, f, result, config));
          } catch (IOException | RuntimeException e) {
            warnings.add(key + " hidden" + hidden + ": similarity not read: " + e.getMessage());
          }
        }
      }
    } catch (IOException e) {
      warnings.add(key + ": cannot list " + run + ": " + e.getMessage());
    }
    return layers;
  }

  private static LayerWidening readLayer(
      Path run, int hidden, Path simFile, RunResult result, ExperimentConfig config)
      throws IOException {
    NpyArray sim = NpyArray.read(simFile);
    int n =
        sim.shape().length == 2 ? sim.shape()[0] : (int) Math.round(Math.sqrt(sim.values().length));
    int[] order = UnitOrderFile.find(run, hidden, n);
    double[] fiedler = UnitOrderFile.findFiedler(run, hidden);
    int to =
        config != null && hidden - 1 < config.targetWidths().size()
            ? config.targetWidths().get(hidden - 1)
            : n;
    double before = Double.NaN;
    double after = Double.NaN;
    double random = Double.NaN;
    if (result != null && result.pathSimilarity() != null) {
      for (RunResult.LayerPath p : result.pathSimilarity()) {
        if (p.hidden() == hidden) {
          before = p.before();
          after = p.after();
          random = p.random();
        }
      }
    }
    return new LayerWidening(hidden, n, to, order, sim.asFloats(), fiedler, before, after, random);
  }
}
