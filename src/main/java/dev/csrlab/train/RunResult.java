package dev.csrlab.train;

import java.util.List;

/**
 * Per variant and seed, the numbers of summary.json (SPEC §5). Absent values are NaN (or {@code
 * null} lists) — e.g. {@code shock} for scratch, which never widens.
 *
 * @param recoverySteps steps after N until subset val accuracy is back at its before value; -1 when
 *     it never recovered ({@code recovered=false}, censored in statistics)
 * @param bestValLoss lowest full-split validation loss of the run, at epoch {@code bestValEpoch}
 */
public record RunResult(
    String variant,
    String method,
    long seed,
    String status,
    long wideningStep,
    String trigger,
    double shock,
    double peakShock,
    double excessLossArea,
    double functionError,
    double functionKl,
    long recoverySteps,
    boolean recovered,
    double valLossAtN100,
    double valLossAtN500,
    double bestValLoss,
    int bestValEpoch,
    double finalTestAccuracy,
    double finalTestLoss,
    long steps,
    double trainFlops,
    double seconds,
    List<LayerPath> pathSimilarity) {

  /** Path similarity of one widened layer: {@code {before, after, random}}. */
  public record LayerPath(int hidden, double before, double after, double random) {}
}
