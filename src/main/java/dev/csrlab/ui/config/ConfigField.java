package dev.csrlab.ui.config;

import dev.csrlab.config.ExperimentConfig;
import java.util.List;
import java.util.function.Function;

/**
 * One editable setting of the config form: how to show it (a String, a Boolean, or one of
 * {@code choices}), how to write an edited value into a builder, and which validator messages
 * belong to it (by their leading words, e.g. "batchSize").
 *
 * @param applyFirst applied before the others (the variant list, so options then apply to it)
 */
public record ConfigField(
    String key,
    String category,
    String name,
    String description,
    Class<?> type,
    List<String> choices,
    Function<ExperimentConfig, Object> read,
    Applier apply,
    List<String> problemPrefixes,
    boolean applyFirst) {

  /** Writes a value into a builder; throws IllegalArgumentException with the reason if invalid. */
  @FunctionalInterface
  public interface Applier {
    void apply(ExperimentConfig.Builder b, Object value);
  }

  public boolean owns(String problem) {
    return problemPrefixes.stream().anyMatch(problem::startsWith);
  }
}
