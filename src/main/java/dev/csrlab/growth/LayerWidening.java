package dev.csrlab.growth;

/**
 * What widening did to one hidden layer (1-based {@code hidden}, as in the tag {@code hidden<l>}).
 *
 * @param order the unit order used (order[i] = original index of the unit at position i)
 * @param similarity cosine similarity of the units' feature vectors in the trained order, n×n
 *     row-major (SPEC §1.2); empty for methods that do not seriate
 * @param fiedler the Fiedler vector in the trained order (empty when not computed)
 * @param pathBefore Σ cosine of adjacent units in the trained order
 * @param pathAfter Σ cosine of adjacent units in the new order
 * @param pathRandom expected value for a random order, (n−1)·mean off-diagonal S
 */
public record LayerWidening(
    int hidden,
    int fromWidth,
    int toWidth,
    int[] order,
    float[] similarity,
    double[] fiedler,
    double pathBefore,
    double pathAfter,
    double pathRandom) {

  /** The similarity matrix with rows and columns in the new order ("after seriation"). */
  public float[] sortedSimilarity() {
    int n = fromWidth;
    float[] out = new float[similarity.length];
    if (similarity.length != n * n) {
      return out;
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        out[i * n + j] = similarity[order[i] * n + order[j]];
      }
    }
    return out;
  }
}
