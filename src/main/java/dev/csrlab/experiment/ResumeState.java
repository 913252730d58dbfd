package dev.csrlab.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.csrlab.config.ExperimentConfig;
import dev.csrlab.config.VariantSpec;
import dev.csrlab.stats.SummaryCodec;
import dev.csrlab.train.RunFinished;
import dev.csrlab.train.RunKey;
import dev.csrlab.train.RunResult;
import dev.csrlab.train.RunStatus;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an interrupted study already finished, and what is left to run per seed. Finished runs are
 * recorded in {@code summary.json} and, while seed workers run (see {@link SeedWorkers}), in their
 * {@code summary.worker-<i>.json} files; both count.
 */
final class ResumeState {
  static final String SUMMARY = "summary.json";
  static final String WORKER_PREFIX = "summary.worker-";

  private ResumeState() {}

  /** The worker summary file name for worker {@code index} (1-based). */
  static String workerSummaryName(int index) {
    return WORKER_PREFIX + index + ".json";
  }

  /** The {@code summary.worker-*.json} files in {@code dir}, sorted by name. */
  static List<Path> workerSummaries(Path dir) throws IOException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, WORKER_PREFIX + "*.json")) {
      s.forEach(files::add);
    }
    files.sort(null);
    return files;
  }

  /**
   * The completed runs recorded in {@code <dir>/summary.json} and any worker summaries (none if
   * neither exists); one per (variant, seed).
   */
  static List<RunFinished> completedRuns(Path dir) throws IOException {
    Map<RunKey, RunFinished> done = new LinkedHashMap<>();
    List<Path> files = new ArrayList<>();
    files.add(dir.resolve(SUMMARY));
    files.addAll(workerSummaries(dir));
    for (Path f : files) {
      for (RunFinished r : recordedRuns(f)) {
        if (r.status() == RunStatus.COMPLETED) {
          done.putIfAbsent(r.key(), r);
        }
      }
    }
    return List.copyOf(done.values());
  }

  /**
   * Every run in a summary file, however it ended, with its message (empty if the file does not
   * exist). Runs completed in an earlier session keep their original message.
   */
  static List<RunFinished> recordedRuns(Path summaryFile) throws IOException {
    if (!Files.exists(summaryFile)) {
      return List.of();
    }
    JsonNode root = SummaryCodec.readTree(summaryFile);
    JsonNode messages = root.path("messages");
    List<RunResult> results;
    try {
      results = SummaryCodec.runsFromJson(root.path("runs"));
    } catch (IllegalArgumentException e) {
      throw new IOException(summaryFile + ": " + e.getMessage(), e);
    }
    List<RunFinished> runs = new ArrayList<>();
    for (RunResult r : results) {
      RunKey key = new RunKey(r.variant(), r.seed());
      RunStatus status = status(r.status(), summaryFile);
      String message = messages.path(key.dirName()).asText("");
      if (message.isEmpty() && status == RunStatus.COMPLETED) {
        message = "completed in an earlier session";
      }
      runs.add(new RunFinished(key, status, r, message));
    }
    return runs;
  }

  private static RunStatus status(String id, Path file) throws IOException {
    for (RunStatus s : RunStatus.values()) {
      if (s.id().equals(id)) {
        return s;
      }
    }
    throw new IOException(file + ": unknown run status '" + id + "'");
  }

  /** The config restricted to the variants of {@code seed} still to run, or null if none. */
  static ExperimentConfig remaining(ExperimentConfig c, long seed, List<RunFinished> kept) {
    List<VariantSpec> todo =
        c.variants().stream()
            .filter(v -> kept.stream().noneMatch(k -> k.key().equals(new RunKey(v.name(), seed))))
            .toList();
    if (todo.isEmpty()) {
      return null;
    }
    ExperimentConfig.Builder b = c.toBuilder();
    b.variants = todo;
    return b.build();
  }

  /** Renames leftover directories of runs about to be redone to {@code <run>.incomplete-<k>}. */
  static void moveAsideUnfinished(Path dir, ExperimentConfig todo, long seed) throws IOException {
    for (VariantSpec v : todo.variants()) {
      Path run = dir.resolve(new RunKey(v.name(), seed).dirName());
      if (Files.exists(run)) {
        int k = 1;
        while (Files.exists(run.resolveSibling(run.getFileName() + ".incomplete-" + k))) {
          k++;
        }
        Files.move(run, run.resolveSibling(run.getFileName() + ".incomplete-" + k));
      }
    }
  }
}
