package dev.csrlab.train;

import dev.csrlab.config.ExperimentConfig;
import dev.csrlab.config.VariantSpec;
import java.nio.file.Path;
import java.util.List;

/**
 * A run begins. Sent before any of its steps (for widened variants the shared small-model prefix
 * follows as ordinary step events, SPEC §5).
 *
 * @param runDir {@code <experiment>/<variant>-seed<k>/}, already created
 * @param totalSteps optimizer updates the run will make
 * @param device human-readable compute device, e.g. "cpu()" or "gpu(0) NVIDIA H100"
 */
public record RunStarted(
    RunKey key,
    VariantSpec variant,
    ExperimentConfig config,
    Path runDir,
    long totalSteps,
    long stepsPerEpoch,
    List<Integer> startWidths,
    String device) {}
