package dev.csrlab.stats;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * Per-variant summary.
 *
 * @param role protocol role "A", "B" or "C", or null for other variants
 * @param runs runs found for the variant; {@code completed} of them count in the statistics
 * @param recovered completed widened runs whose accuracy came back, of {@code recoveryRuns}
 * @param recoverySummary plain text, e.g. "recovered in 4 of 5 seeds"
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record VariantStats(
    String variant,
    String method,
    String role,
    int runs,
    int completed,
    int recovered,
    int recoveryRuns,
    String recoverySummary,
    List<MetricSummary> metrics) {

  /** The summary of one metric, or null when absent. */
  public MetricSummary metric(Metric m) {
    return metrics.stream().filter(s -> s.metric() == m).findFirst().orElse(null);
  }
}
