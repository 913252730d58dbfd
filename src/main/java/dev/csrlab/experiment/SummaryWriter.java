package dev.csrlab.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csrlab.config.ExperimentConfig;
import dev.csrlab.stats.StudyAnalysis;
import dev.csrlab.stats.StudyAnalyzer;
import dev.csrlab.stats.SummaryCodec;
import dev.csrlab.train.RunFinished;
import dev.csrlab.train.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * summary.json (SPEC §5): per variant and seed the run's numbers, the study statistics and the
 * success-criteria verdicts, plus the environment for the report. Replaced atomically (temp file
 * and rename) so a reader never sees half a file, and rewritten after every seed.
 */
final class SummaryWriter {
  private final Path dir;
  private final ExperimentConfig config;
  private final String device;
  private final String fileName;
  private int processes = 1;
  private final String created = OffsetDateTime.now(ZoneId.systemDefault()).toString();

  SummaryWriter(Path dir, ExperimentConfig config, String device) {
    this(dir, config, device, ResumeState.SUMMARY);
  }

  /** Writes {@code <dir>/<fileName>} instead (a seed worker's {@code summary.worker-<i>.json}). */
  SummaryWriter(Path dir, ExperimentConfig config, String device, String fileName) {
    this.dir = dir;
    this.config = config;
    this.device = device;
    this.fileName = fileName;
  }

  /** How many processes trained the seeds ({@code run --workers}); 1 by default. */
  SummaryWriter processes(int n) {
    this.processes = n;
    return this;
  }

  /** Writes the summary of {@code runs}; returns the analysis it contains. */
  StudyAnalysis write(List<RunFinished> runs, double wallSeconds) throws IOException {
    ObjectMapper mapper = SummaryCodec.mapper();
    List<RunResult> results = runs.stream().map(RunFinished::result).toList();
    StudyAnalysis analysis = StudyAnalyzer.analyze(results, config);
    ObjectNode root = mapper.createObjectNode();
    root.put("schemaVersion", 1);
    root.put("experiment", dir.getFileName().toString());
    root.put("created", created);
    ObjectNode environment = Environment.describe(device);
    environment.put("worker_processes", processes);
    root.set("environment", environment);
    root.put("wall_seconds", wallSeconds);
    root.set("runs", SummaryCodec.runsToJson(results));
    ObjectNode messages = root.putObject("messages");
    for (RunFinished f : runs) {
      messages.put(f.key().dirName(), f.message());
    }
    root.set("statistics", SummaryCodec.toTree(analysis));
    root.set("criteria", SummaryCodec.toTree(analysis.verdicts()));
    Path target = dir.resolve(fileName);
    Path tmp = dir.resolve(fileName + ".tmp");
    try {
      mapper.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      Files.deleteIfExists(tmp);
      throw new IOException(
          "could not write "
              + target
              + ": "
              + e
              + "; free disk space (the runs' metrics.csv and event files are complete)",
          e);
    }
    return analysis;
  }
}
