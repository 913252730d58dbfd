package dev.csrlab.experiment;

import dev.csrlab.stats.StudyAnalysis;
import dev.csrlab.train.RunFinished;
import dev.csrlab.train.RunStatus;
import java.nio.file.Path;
import java.util.List;

/** Where an experiment was written, how each of its runs ended, and the study's analysis. */
public record ExperimentOutcome(Path directory, List<RunFinished> runs, StudyAnalysis analysis) {
  public boolean allCompleted() {
    return !runs.isEmpty() && runs.stream().allMatch(r -> r.status() == RunStatus.COMPLETED);
  }
}
