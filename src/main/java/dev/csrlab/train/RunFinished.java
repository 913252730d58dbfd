package dev.csrlab.train;

/**
 * A run ended, however it ended.
 *
 * @param message human-readable reason for non-completed runs (e.g. "loss became NaN at step 17")
 */
public record RunFinished(RunKey key, RunStatus status, RunResult result, String message) {}
