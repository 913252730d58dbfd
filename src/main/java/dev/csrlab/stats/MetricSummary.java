package dev.csrlab.stats;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One metric of one variant over its completed seeds: mean ± sample std and the 95% t-interval.
 *
 * @param censored runs whose value is a censoring time (recovery_steps only), included in n
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MetricSummary(
    Metric metric,
    String unit,
    int n,
    double mean,
    double sd,
    double ciLow,
    double ciHigh,
    int censored) {}
