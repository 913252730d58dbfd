package dev.csrlab.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.csrlab.config.ConfigException;
import dev.csrlab.config.ConfigJson;
import dev.csrlab.config.ExperimentConfig;
import dev.csrlab.stats.SummaryCodec;
import dev.csrlab.train.RunKey;
import dev.csrlab.train.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An experiment directory as SPEC §5 lays it out, read for the report: config.json, summary.json,
 * and per run {@code <variant>-seed<k>/metrics.csv} plus heatmap PNGs. Optional parts that are
 * missing become warnings shown in the report rather than failures.
 */
public record ExperimentData(
    Path dir,
    ExperimentConfig config,
    String experiment,
    String created,
    Map<String, String> environment,
    double wallSeconds,
    List<RunResult> runs,
    Map<RunKey, StepSeries> series,
    Map<RunKey, List<Path>> heatmaps,
    List<String> warnings) {

  private static final Pattern HEATMAP =
      Pattern.compile("heatmap-hidden(\\d+)-(before|after)\\.png");

  public static ExperimentData load(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException(
          dir
              + " is not a directory: pass an experiment directory"
              + " (<out>/<yyyyMMdd-HHmmss>-<name>/) that holds summary.json");
    }
    Path summary = dir.resolve("summary.json");
    if (!Files.isRegularFile(summary)) {
      throw new IOException(
          summary
              + " not found: the experiment has not finished writing, or"
              + " this is not an experiment directory");
    }
    List<String> warnings = new ArrayList<>();
    ExperimentConfig config = readConfig(dir.resolve("config.json"), warnings);
    JsonNode root = SummaryCodec.mapper().readTree(Files.readString(summary));
    List<RunResult> runs = SummaryCodec.readRuns(summary);
    Map<RunKey, StepSeries> series = new LinkedHashMap<>();
    Map<RunKey, List<Path>> heatmaps = new LinkedHashMap<>();
    for (RunResult r : runs) {
      RunKey key = new RunKey(r.variant(), r.seed());
      Path runDir = dir.resolve(key.dirName());
      Path csv = runDir.resolve("metrics.csv");
      if (Files.isRegularFile(csv)) {
        series.put(key, StepSeries.read(csv));
      } else {
        warnings.add("no metrics.csv for run " + key + " (expected " + csv + ")");
      }
      heatmaps.put(key, heatmapsOf(runDir));
    }
    String name = root.path("experiment").asText(dir.getFileName().toString());
    return new ExperimentData(
        dir,
        config,
        name,
        root.path("created").asText(""),
        environment(root),
        root.path("wall_seconds").asDouble(Double.NaN),
        runs,
        series,
        heatmaps,
        warnings);
  }

  private static ExperimentConfig readConfig(Path file, List<String> warnings) {
    if (!Files.isRegularFile(file)) {
      warnings.add(
          "config.json not found: statistics assume the default configuration"
              + " (non-inferiority margin "
              + ExperimentConfig.defaults().nonInferiorityMargin()
              + " pp)");
      return ExperimentConfig.defaults();
    }
    try {
      return ConfigJson.read(file);
    } catch (ConfigException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** summary.json "environment", plus a top-level "device" when the environment lacks one. */
  private static Map<String, String> environment(JsonNode root) {
    Map<String, String> out = new LinkedHashMap<>();
    root.path("environment")
        .properties()
        .forEach(
            e ->
                out.put(
                    e.getKey(),
                    e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
    if (root.hasNonNull("device")) {
      out.putIfAbsent("device", root.get("device").asText());
    }
    return out;
  }

  /** heatmap-hidden&lt;l&gt;-before/after.png of a run, by layer, "before" first. */
  static List<Path> heatmapsOf(Path runDir) throws IOException {
    if (!Files.isDirectory(runDir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(runDir)) {
      return files
          .filter(p -> HEATMAP.matcher(p.getFileName().toString()).matches())
          .sorted(
              Comparator.comparing((Path p) -> layerOf(p))
                  .thenComparing(p -> p.getFileName().toString().endsWith("-after.png")))
          .toList();
    }
  }

  static int layerOf(Path heatmap) {
    var m = HEATMAP.matcher(heatmap.getFileName().toString());
    return m.matches() ? Integer.parseInt(m.group(1)) : -1;
  }
}
