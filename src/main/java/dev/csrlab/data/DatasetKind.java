package dev.csrlab.data;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The two supported datasets (SPEC §1), with the per-pixel mean and std used for normalisation (the
 * usual torchvision values, computed over the 60k training images).
 */
public enum DatasetKind {
  MNIST("mnist", 0.1307, 0.3081),
  FASHION_MNIST("fashion-mnist", 0.2860, 0.3530);

  private final String id;
  private final double mean;
  private final double std;

  DatasetKind(String id, double mean, double std) {
    this.id = id;
    this.mean = mean;
    this.std = std;
  }

  /** Name used in configs, on the command line and as the cache sub-folder. */
  public String id() {
    return id;
  }

  public double mean() {
    return mean;
  }

  public double std() {
    return std;
  }

  /** Parses a config/CLI dataset name; unknown names get a message listing the valid ones. */
  public static DatasetKind fromId(String id) {
    for (DatasetKind k : values()) {
      if (k.id.equals(id)) {
        return k;
      }
    }
    String valid = Arrays.stream(values()).map(DatasetKind::id).collect(Collectors.joining(", "));
    throw new IllegalArgumentException("unknown dataset '" + id + "'; use one of: " + valid);
  }
}
