package dev.csrlab.stats;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * Censoring-aware paired comparison of recovery (Gehan-style scoring of each seed pair, then an
 * exact two-sided sign test on the decided pairs). A pair is "treatment faster" when the treatment
 * recovered in fewer steps, or recovered while the reference was censored at no fewer steps; both
 * censored is a tie; a recovery later than the other run's censoring time is undetermined.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RecoveryComparison(
    String treatment,
    String reference,
    List<Long> seeds,
    int nPairs,
    int treatmentFaster,
    int referenceFaster,
    int ties,
    int undetermined,
    int treatmentRecovered,
    int referenceRecovered,
    double p,
    double pHolm) {

  RecoveryComparison withPHolm(double adjusted) {
    return new RecoveryComparison(
        treatment,
        reference,
        seeds,
        nPairs,
        treatmentFaster,
        referenceFaster,
        ties,
        undetermined,
        treatmentRecovered,
        referenceRecovered,
        p,
        adjusted);
  }
}
