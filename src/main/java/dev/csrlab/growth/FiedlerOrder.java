package dev.csrlab.growth;

/**
 * A Fiedler vector and the order it induces (SPEC §1.2 step 1).
 *
 * @param vector the Fiedler vector per unit (unit norm per connected component, sign rule applied
 *     per component; 0 for a unit alone in its component)
 * @param order units sorted ascending by {@code vector} (stable), components concatenated by their
 *     smallest unit
 * @param solver {@code dense} (EJML symmetric eig), {@code lanczos}, or {@code trivial} (every
 *     component has at most 2 units)
 * @param iterations Lanczos matrix–vector products (0 for dense)
 * @param components number of connected components of the affinity graph
 * @param converged false when Lanczos hit its iteration cap before the residual tolerance (the best
 *     Ritz vector is still returned; dense solves always converge)
 */
public record FiedlerOrder(
    double[] vector,
    int[] order,
    String solver,
    int iterations,
    int components,
    boolean converged) {}
