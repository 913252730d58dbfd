package dev.csrlab.growth;

import dev.csrlab.config.Options.Kernel;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Resampling along the (sorted) unit axis, SPEC §1.2 steps 2–3: the interpolation matrix R (m×n)
 * and the outgoing-weight corrections ({@code ratio}, {@code pinv}).
 */
public final class Resampling {
  private Resampling() {}

  /**
   * The m×n resampling matrix R of PyTorch's {@code F.interpolate(mode='linear',
   * align_corners=True)}: new unit i samples s = i·(n−1)/(m−1), k = min(⌊s⌋, n−2), t = s−k, x'[i] =
   * (1−t)·x[k] + t·x[k+1]. So the end units are kept exactly; m = n is the identity; n = 1 copies
   * the single unit to all m; m = 1 keeps the first unit.
   *
   * <p>{@code nearest} (ablation) samples the same positions s but copies the unit at round(s)
   * (halves round up): the same grid and end points, only the kernel differs, so it isolates what
   * interpolation adds over copying. (PyTorch's {@code mode='nearest'} uses ⌊i·n/m⌋ instead, which
   * does not keep the last unit.)
   */
  public static UnitMap interpolation(int n, int m, Kernel kernel) {
    if (n < 1 || m < 1) {
      throw new IllegalArgumentException(
          "resampling needs at least one unit, got n=" + n + ", m=" + m);
    }
    int[][] src = new int[m][];
    double[][] w = new double[m][];
    for (int i = 0; i < m; i++) {
      if (n == 1 || m == 1) {
        src[i] = new int[] {0};
        w[i] = new double[] {1};
        continue;
      }
      double s = (double) i * (n - 1) / (m - 1);
      if (kernel == Kernel.NEAREST) {
        src[i] = new int[] {(int) Math.min(n - 1, Math.floor(s + 0.5))};
        w[i] = new double[] {1};
        continue;
      }
      int k = Math.min((int) Math.floor(s), n - 2);
      double t = s - k;
      src[i] = new int[] {k, k + 1};
      w[i] = new double[] {1 - t, t};
    }
    return UnitMap.ofRows(n, src, w);
  }

  /** A 1-D signal resampled to m points with the linear align-corners kernel (for checks). */
  public static double[] resample(double[] x, int m) {
    UnitMap r = interpolation(x.length, m, Kernel.LINEAR);
    double[] dense = r.toDense();
    double[] y = new double[m];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < x.length; j++) {
        y[i] += dense[i * x.length + j] * x[j];
      }
    }
    return y;
  }

  /** The {@code ratio} energy factor c = n/m (SPEC §1.2 step 3, the request's rule). */
  public static double ratio(int n, int m) {
    return (double) n / m;
  }

  /**
   * The outgoing map for {@code energy=pinv}: N = (M⁺)ᵀ so that {@code W_{l+1}' = W_{l+1}·Nᵀ =
   * W_{l+1}·M⁺}. With M = R·P (permutation, then interpolation) of full column rank (m ≥ n), M⁺·M =
   * I and a linear next layer sees exactly its old input: W·M⁺·M·h = W·h. Moore–Penrose by EJML
   * (SVD), so it is also defined when m < n.
   */
  public static UnitMap pseudoInverseOutgoing(UnitMap incoming) {
    int m = incoming.to();
    int n = incoming.from();
    DMatrixRMaj mat = new DMatrixRMaj(m, n, true, incoming.toDense());
    DMatrixRMaj pinv = new DMatrixRMaj(n, m);
    CommonOps_DDRM.pinv(mat, pinv);
    DMatrixRMaj transposed = CommonOps_DDRM.transpose(pinv, null);
    return UnitMap.dense(m, n, transposed.getData());
  }
}
