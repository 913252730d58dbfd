package dev.csrlab.growth;

import dev.csrlab.config.Options.Affinity;
import dev.csrlab.config.Options.Ordering;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * Spectral seriation of a hidden layer's units (SPEC §1.2 step 1) and the ablation orderings of
 * §1.5. Similar units end up adjacent, so the layer can be resampled like a signal.
 *
 * <p>Cost (issue 7). {@code shift} never forms the n×n affinity: its Fiedler vector comes from
 * Lanczos on the factored affinity in O(n·d) per step (measured here, d = 785: n = 4,096 in 0.3–0.8
 * s, n = 16,384 in ~2.5 s, on a shared 2-core machine). {@code clamp} and {@code abs} have no
 * factored form: they form S as n×n floats (O(n²·d); 1 GiB at n = 16,384) and run the same Lanczos
 * on it (n = 4,096: ~4 s for S plus ~2 s for the solve). Greedy and 2-opt also need S. The
 * similarity matrix is returned only up to {@value #SIMILARITY_OUTPUT_LIMIT} units.
 */
public final class Seriation {
  /** Above this many units the similarity matrix is not returned (memory; see SeriationResult). */
  public static final int SIMILARITY_OUTPUT_LIMIT = 2048;

  /** Which eigensolver finds the Fiedler vector. */
  public enum Solver {
    /** Dense EJML up to {@value FiedlerSolver#DENSE_LIMIT} units per component, else Lanczos. */
    AUTO,
    DENSE,
    LANCZOS
  }

  private Seriation() {}

  /** {@link #seriate(UnitFeatures, Affinity, Ordering, RandomGenerator, Solver)} with AUTO. */
  public static SeriationResult seriate(
      UnitFeatures f, Affinity affinity, Ordering ordering, RandomGenerator random) {
    return seriate(f, affinity, ordering, random, Solver.AUTO);
  }

  /**
   * Orders the units.
   *
   * @param random used only by {@link Ordering#RANDOM} (may be null otherwise)
   */
  public static SeriationResult seriate(
      UnitFeatures f, Affinity affinity, Ordering ordering, RandomGenerator random, Solver solver) {
    int n = f.units();
    boolean needMatrix =
        n <= SIMILARITY_OUTPUT_LIMIT
            || ordering == Ordering.GREEDY
            || ordering == Ordering.TWO_OPT
            || (ordering == Ordering.FIEDLER && affinity != Affinity.SHIFT);
    float[] s = needMatrix ? f.similarityMatrix() : new float[0];
    int[] order;
    double[] fiedler = new double[0];
    String used = "none";
    switch (ordering) {
      case IDENTITY -> order = IntStream.range(0, n).toArray();
      case RANDOM -> order = randomPermutation(n, random);
      case GREEDY -> order = PathOrderings.greedy(s, n);
      case FIEDLER, TWO_OPT -> {
        FiedlerOrder fo = fiedler(f, s, affinity, solver);
        fiedler = fo.vector();
        used = fo.solver();
        order = ordering == Ordering.FIEDLER ? fo.order() : PathOrderings.twoOpt(s, n, fo.order());
      }
      default -> throw new IllegalArgumentException("unknown ordering " + ordering);
    }
    float[] reported = n <= SIMILARITY_OUTPUT_LIMIT ? s : new float[0];
    return new SeriationResult(
        order,
        reported,
        fiedler,
        f.pathSimilarity(IntStream.range(0, n).toArray()),
        f.pathSimilarity(order),
        f.randomPathSimilarity(),
        used);
  }

  /** Fiedler order of unit features; {@code shift} runs on the factored affinity. */
  public static FiedlerOrder fiedler(UnitFeatures f, Affinity affinity, Solver solver) {
    boolean factored = affinity == Affinity.SHIFT;
    return fiedler(f, factored ? new float[0] : f.similarityMatrix(), affinity, solver);
  }

  /** Fiedler order of an explicit n×n similarity matrix (row-major, symmetric). */
  public static FiedlerOrder fiedler(float[] similarity, int n, Affinity affinity, Solver solver) {
    return FiedlerSolver.solve(new MatrixAffinity(similarity, n, affinity), solver);
  }

  private static FiedlerOrder fiedler(UnitFeatures f, float[] s, Affinity affinity, Solver solver) {
    AffinityGraph g =
        affinity == Affinity.SHIFT
            ? new ShiftAffinity(f.normalisedRows(), f.units(), f.dimension())
            : new MatrixAffinity(s, f.units(), affinity);
    return FiedlerSolver.solve(g, solver);
  }

  /** Fisher–Yates with the caller's seeded generator (SPEC §5: a stream per purpose). */
  public static int[] randomPermutation(int n, RandomGenerator random) {
    if (random == null) {
      throw new IllegalArgumentException("ordering 'random' needs a seeded random generator");
    }
    int[] p = IntStream.range(0, n).toArray();
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }
}
