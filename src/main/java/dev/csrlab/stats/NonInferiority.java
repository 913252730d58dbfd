package dev.csrlab.stats;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * Paired non-inferiority of final test accuracy, d = treatment − reference in percentage points: H0
 * mean(d) ≤ −margin, one-sided t-test; and the mirror inferiority test H0 mean(d) ≥ −margin. Both
 * p-values are Holm-adjusted across the non-inferiority tests of criterion (3).
 *
 * @param conclusion "non-inferior", "inferior", "inconclusive" or "no test (n < 2)"
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record NonInferiority(
    String treatment,
    String reference,
    List<Long> seeds,
    int nPairs,
    double marginPp,
    double meanDiffPp,
    double sdDiffPp,
    double lowerBoundPp,
    double upperBoundPp,
    double t,
    double p,
    double pHolm,
    double pInferior,
    double pInferiorHolm,
    String conclusion) {}
