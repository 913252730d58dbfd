package dev.csrlab.experiment;

import dev.csrlab.train.RunFinished;
import dev.csrlab.train.RunStatus;
import java.nio.file.Path;
import java.util.List;

/** Where an experiment was written and how each of its runs ended. */
public record ExperimentOutcome(Path directory, List<RunFinished> runs) {
  public boolean allCompleted() {
    return !runs.isEmpty() && runs.stream().allMatch(r -> r.status() == RunStatus.COMPLETED);
  }
}
