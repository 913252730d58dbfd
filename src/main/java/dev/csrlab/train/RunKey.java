package dev.csrlab.train;

/** Identifies one training run of an experiment: a variant and a seed (SPEC §5 layout). */
public record RunKey(String variant, long seed) {
  /** The run's directory name, {@code <variant>-seed<k>}. */
  public String dirName() {
    return variant + "-seed" + seed;
  }

  @Override
  public String toString() {
    return dirName();
  }
}
