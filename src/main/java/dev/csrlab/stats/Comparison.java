package dev.csrlab.stats;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * Paired comparison of one metric, d = treatment − reference per seed (only seeds where both runs
 * completed and both values exist). {@code pHolm} is Holm-adjusted within the metric's family.
 *
 * @param censoredPairs pairs where either value is a censored recovery time (recovery_steps)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Comparison(
    Metric metric,
    String unit,
    String treatment,
    String reference,
    List<Long> seeds,
    int nPairs,
    double treatmentMean,
    double referenceMean,
    double meanDiff,
    double sdDiff,
    double ciLow,
    double ciHigh,
    double t,
    double df,
    double p,
    double pHolm,
    int censoredPairs) {

  Comparison withPHolm(double adjusted) {
    return new Comparison(
        metric,
        unit,
        treatment,
        reference,
        seeds,
        nPairs,
        treatmentMean,
        referenceMean,
        meanDiff,
        sdDiff,
        ciLow,
        ciHigh,
        t,
        df,
        p,
        adjusted,
        censoredPairs);
  }
}
