package dev.csrlab.experiment;

import dev.csrlab.stats.StudyAnalysis;
import dev.csrlab.train.RunFinished;
import dev.csrlab.train.RunStatus;
import java.nio.file.Path;
import java.util.List;

/**
 * Where an experiment was written, how each of its runs ended, and the study's analysis.
 *
 * @param expectedRuns how many runs the experiment has (variants × seeds); fewer in {@code runs}
 *     means some never reported (a seed worker died)
 */
public record ExperimentOutcome(
    Path directory, List<RunFinished> runs, StudyAnalysis analysis, int expectedRuns) {

  /** An outcome in which every run of the experiment reported. */
  public ExperimentOutcome(Path directory, List<RunFinished> runs, StudyAnalysis analysis) {
    this(directory, runs, analysis, runs.size());
  }

  public boolean allCompleted() {
    return !runs.isEmpty()
        && runs.size() >= expectedRuns
        && runs.stream().allMatch(r -> r.status() == RunStatus.COMPLETED);
  }
}
