package dev.csrlab.stats;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * Everything the statistics say about one experiment; embedded in summary.json under "statistics"
 * (its verdicts also under "criteria"). Serialise with {@link SummaryCodec#toTree} so NaN becomes
 * null.
 *
 * @param roles protocol role (A, B, C) → variant name, for the roles present
 * @param familyNote which comparisons share a Holm family, and why
 * @param censoringNote how never-recovered runs enter the recovery statistics
 * @param resolutionNote what this number of seeds can and cannot resolve
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StudyAnalysis(
    double alpha,
    double nonInferiorityMarginPp,
    List<Long> seeds,
    Map<String, String> roles,
    List<VariantStats> variants,
    List<Comparison> comparisons,
    List<NonInferiority> nonInferiority,
    List<RecoveryComparison> recovery,
    List<Verdict> verdicts,
    String familyNote,
    String censoringNote,
    String resolutionNote) {

  /** The comparison of a metric for treatment − reference, or null when it was not made. */
  public Comparison comparison(Metric m, String treatment, String reference) {
    return comparisons.stream()
        .filter(
            c ->
                c.metric() == m
                    && c.treatment().equals(treatment)
                    && c.reference().equals(reference))
        .findFirst()
        .orElse(null);
  }
}
