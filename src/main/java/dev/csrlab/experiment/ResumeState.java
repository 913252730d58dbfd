package dev.csrlab.experiment;

import dev.csrlab.config.ExperimentConfig;
import dev.csrlab.config.VariantSpec;
import dev.csrlab.stats.SummaryCodec;
import dev.csrlab.train.RunFinished;
import dev.csrlab.train.RunKey;
import dev.csrlab.train.RunResult;
import dev.csrlab.train.RunStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What an interrupted study already finished, and what is left to run per seed. */
final class ResumeState {
  private ResumeState() {}

  /** The completed runs recorded in {@code <dir>/summary.json} (none if it does not exist). */
  static List<RunFinished> completedRuns(Path dir) throws IOException {
    Path summary = dir.resolve("summary.json");
    if (!Files.exists(summary)) {
      return List.of();
    }
    List<RunFinished> done = new ArrayList<>();
    for (RunResult r : SummaryCodec.readRuns(summary)) {
      if (RunStatus.COMPLETED.id().equals(r.status())) {
        done.add(
            new RunFinished(
                new RunKey(r.variant(), r.seed()),
                RunStatus.COMPLETED,
                r,
                "completed in an earlier session"));
      }
    }
    return done;
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
