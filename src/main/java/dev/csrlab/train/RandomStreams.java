package dev.csrlab.train;

import java.util.SplittableRandom;

/**
 * Separate random streams per purpose, all derived from the run's seed (SPEC §5): changing how many
 * numbers one purpose draws never shifts another's.
 */
public final class RandomStreams {
  /** What a stream is used for; the salt keeps the streams apart. */
  public enum Purpose {
    INIT(0x494E4954L),
    DATA_ORDER(0x44415441L),
    WIDENING(0x5749444EL),
    NOISE(0x4E4F4953L);

    final long salt;

    Purpose(long salt) {
      this.salt = salt;
    }
  }

  private RandomStreams() {}

  public static SplittableRandom of(long seed, Purpose purpose) {
    return new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + purpose.salt));
  }

  /** The stream for one sub-index of a purpose (e.g. the data order of one epoch). */
  public static SplittableRandom of(long seed, Purpose purpose, long index) {
    return new SplittableRandom(mix(mix(seed * 0x9E3779B97F4A7C15L + purpose.salt) + index));
  }

  /** SplitMix64 finaliser: decorrelates nearby seeds. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
