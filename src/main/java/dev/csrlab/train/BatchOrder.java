package dev.csrlab.train;

import java.util.SplittableRandom;

/**
 * The data order of a seed: a fresh Fisher–Yates shuffle per epoch from the seed's DATA_ORDER
 * stream. Identical for every variant of the seed (the paired design of SPEC §2), and independent
 * of when a variant starts reading it (a branch resuming at step N sees the same batches).
 */
public final class BatchOrder {
  private final long seed;
  private final int samples;
  private int cachedEpoch = -1;
  private long[] cached;

  public BatchOrder(long seed, int samples) {
    this.seed = seed;
    this.samples = samples;
  }

  /** Sample indices of epoch {@code epoch} (1-based) in the order they are visited. */
  public long[] epoch(int epoch) {
    if (epoch != cachedEpoch) {
      SplittableRandom r = RandomStreams.of(seed, RandomStreams.Purpose.DATA_ORDER, epoch);
      long[] p = new long[samples];
      for (int i = 0; i < samples; i++) {
        p[i] = i;
      }
      for (int i = samples - 1; i > 0; i--) {
        int j = r.nextInt(i + 1);
        long t = p[i];
        p[i] = p[j];
        p[j] = t;
      }
      cached = p;
      cachedEpoch = epoch;
    }
    return cached;
  }
}
