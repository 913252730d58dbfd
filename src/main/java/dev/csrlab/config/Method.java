package dev.csrlab.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a variant obtains its wide model (SPEC §1, §5). */
public enum Method {
  /** Protocol A: the wide model trained from step 0. */
  SCRATCH("scratch", "A"),
  /** Protocol B: Net2Net replication with replacement (Chen et al. 2016). */
  NET2NET("net2net", "B"),
  /** Protocol C: spectral seriation + linear resampling + outgoing scaling. */
  CONTINUOUS("continuous", "C"),
  /** The request's literal Net2Net: each source unit duplicated at most once. */
  NET2NET_EACH_ONCE("net2net-each-once", null),
  /** Resampling in the trained (unsorted) order. */
  CONTINUOUS_UNSORTED("continuous-unsorted", null),
  /** Resampling after a random permutation. */
  CONTINUOUS_RANDOM("continuous-random", null),
  /** Control: the small model keeps training, never widened. */
  SMALL_CONTINUE("small-continue", null),
  /** New units with PyTorch-default incoming weights and zero outgoing weights. */
  ZERO_OUTGOING("zero-outgoing", null),
  /** The wide model from scratch, trained for the FLOPs that B/C spend (fewer steps). */
  SCRATCH_MATCHED("scratch-matched", null);

  private final String id;
  private final String alias;

  Method(String id, String alias) {
    this.id = id;
    this.alias = alias;
  }

  @JsonValue
  public String id() {
    return id;
  }

  /** True when the variant trains a small model first and widens it at step N. */
  public boolean widens() {
    return this != SCRATCH && this != SMALL_CONTINUE && this != SCRATCH_MATCHED;
  }

  /** True for the resampling family (C and its ablations). */
  public boolean resamples() {
    return this == CONTINUOUS || this == CONTINUOUS_UNSORTED || this == CONTINUOUS_RANDOM;
  }

  @JsonCreator
  public static Method fromId(String text) {
    String t = text.trim();
    for (Method m : values()) {
      if (m.id.equalsIgnoreCase(t) || (m.alias != null && m.alias.equalsIgnoreCase(t))) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "unknown method '" + text + "'; known: " + knownIds() + " (aliases A, B, C)");
  }

  public static String knownIds() {
    return Arrays.stream(values()).map(Method::id).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return id.toLowerCase(Locale.ROOT);
  }
}
