package dev.csrlab.stats;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/**
 * One SPEC §2 success criterion, judged: the claim, the outcome, the test that decided it, the
 * numbers behind it (snake_case keys, NaN when absent) and a plain sentence for the report.
 *
 * @param criterion 1 (shock), 2 (recovery) or 3 (final test accuracy, non-inferiority)
 * @param note caveat that belongs to the criterion (e.g. Net2Net is function-preserving)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Verdict(
    int criterion,
    String claim,
    Outcome outcome,
    String test,
    Map<String, Double> numbers,
    String sentence,
    String note) {}
