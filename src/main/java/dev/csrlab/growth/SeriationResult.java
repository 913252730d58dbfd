package dev.csrlab.growth;

/**
 * The outcome of seriating one hidden layer (SPEC §1.2 step 1, §2 path similarity).
 *
 * @param order order[i] = original index of the unit placed at position i
 * @param similarity cosine similarity S in the trained order, n×n row-major float; empty when n
 *     exceeds {@link Seriation#SIMILARITY_OUTPUT_LIMIT} (an n×n matrix of 16k units is 1 GiB)
 * @param fiedler Fiedler vector in the trained order; empty for orderings that do not use it
 *     (identity, random, greedy)
 * @param pathBefore Σ S of adjacent units in the trained order
 * @param pathAfter Σ S of adjacent units in {@code order}
 * @param pathRandom expected value for a random order, (n−1)·mean off-diagonal S
 * @param solver how the order was found: {@code dense}, {@code lanczos}, {@code dense+lanczos},
 *     {@code trivial} (components of ≤ 2 units), or {@code none} (no eigensolve)
 */
public record SeriationResult(
    int[] order,
    float[] similarity,
    double[] fiedler,
    double pathBefore,
    double pathAfter,
    double pathRandom,
    String solver) {}
