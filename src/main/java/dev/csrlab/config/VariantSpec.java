package dev.csrlab.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.csrlab.config.Options.Affinity;
import dev.csrlab.config.Options.Energy;
import dev.csrlab.config.Options.Features;
import dev.csrlab.config.Options.Kernel;
import dev.csrlab.config.Options.OptimizerPolicy;
import dev.csrlab.config.Options.Ordering;

/**
 * One variant of an experiment: a name, a method and its options (SPEC §5). In JSON either a method
 * id ({@code "continuous"}) or an object whose missing options take the method's defaults.
 *
 * @param name directory-safe unique name, e.g. {@code continuous-consistent}
 * @param noise Net2Net symmetry-breaking noise, as a factor of each weight matrix's std
 */
public record VariantSpec(
    String name,
    Method method,
    Affinity affinity,
    Features features,
    Ordering ordering,
    Kernel kernel,
    Energy energy,
    OptimizerPolicy optimizerState,
    double noise) {

  public static final double DEFAULT_NOISE = 0.01;

  /** The method's defaults; the name is the method id. */
  public static VariantSpec of(Method method) {
    return new VariantSpec(
        method.id(),
        method,
        Affinity.SHIFT,
        Features.IN_BIAS,
        defaultOrdering(method),
        Kernel.LINEAR,
        Energy.RATIO,
        OptimizerPolicy.RESAMPLE,
        DEFAULT_NOISE);
  }

  /** Parses a method id or alias (A/B/C) into that method's default variant. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static VariantSpec parse(String methodId) {
    return of(Method.fromId(methodId));
  }

  /** JSON object form; absent options take the method's defaults. */
  @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
  public static VariantSpec fromJson(
      @JsonProperty("name") String name,
      @JsonProperty(value = "method", required = true) Method method,
      @JsonProperty("affinity") Affinity affinity,
      @JsonProperty("features") Features features,
      @JsonProperty("ordering") Ordering ordering,
      @JsonProperty("kernel") Kernel kernel,
      @JsonProperty("energy") Energy energy,
      @JsonProperty("optimizerState") OptimizerPolicy optimizerState,
      @JsonProperty("noise") Double noise) {
    VariantSpec d = of(method);
    return new VariantSpec(
        name == null ? d.name : name,
        method,
        affinity == null ? d.affinity : affinity,
        features == null ? d.features : features,
        ordering == null ? d.ordering : ordering,
        kernel == null ? d.kernel : kernel,
        energy == null ? d.energy : energy,
        optimizerState == null ? d.optimizerState : optimizerState,
        noise == null ? d.noise : noise);
  }

  static Ordering defaultOrdering(Method method) {
    return switch (method) {
      case CONTINUOUS_UNSORTED -> Ordering.IDENTITY;
      case CONTINUOUS_RANDOM -> Ordering.RANDOM;
      default -> Ordering.FIEDLER;
    };
  }

  public VariantSpec withName(String newName) {
    return new VariantSpec(
        newName, method, affinity, features, ordering, kernel, energy, optimizerState, noise);
  }

  public VariantSpec withOptimizerState(OptimizerPolicy p) {
    return new VariantSpec(name, method, affinity, features, ordering, kernel, energy, p, noise);
  }

  public VariantSpec withEnergy(Energy e) {
    return new VariantSpec(
        name, method, affinity, features, ordering, kernel, e, optimizerState, noise);
  }

  public VariantSpec withOrdering(Ordering o) {
    return new VariantSpec(
        name, method, affinity, features, o, kernel, energy, optimizerState, noise);
  }

  public VariantSpec withAffinity(Affinity a) {
    return new VariantSpec(
        name, method, a, features, ordering, kernel, energy, optimizerState, noise);
  }

  public VariantSpec withKernel(Kernel k) {
    return new VariantSpec(
        name, method, affinity, features, ordering, k, energy, optimizerState, noise);
  }

  public VariantSpec withNoise(double n) {
    return new VariantSpec(
        name, method, affinity, features, ordering, kernel, energy, optimizerState, n);
  }
}
