package org.adabet.tda;

/**
 * Euclidean distance matrices of point clouds, stored as float32.
 *
 * <p>{@link #of} goes through the Gram matrix, {@code ||x||^2 + ||y||^2 - 2 x.y}, because for
 * AdaBet's clouds (tens of points, up to ~10^6 coordinates) the work is one symmetric matrix
 * product that a blocked, vectorised kernel runs at memory speed. The Gram form cancels badly for
 * nearby points, so every entry is checked against a bound on the kernel's rounding error and,
 * where the bound could exceed the promised accuracy, recomputed directly from the differences
 * (all such pairs in one more cache-blocked pass over X); negative round-off therefore never
 * reaches a square root. Duplicate points give exactly 0. The result matches a direct double-precision
 * computation to 1e-5 relative.
 */
public final class EuclideanDistances {

  /** Relative accuracy promised for every distance, against a direct double computation. */
  public static final double RELATIVE_ACCURACY = 1e-5;

  private EuclideanDistances() {}

  /** Distances of {@code cloud} through the Gram matrix (see class comment). */
  public static LowerDistanceMatrix of(PointCloud cloud) {
    int n = cloud.size();
    int dim = cloud.dimension();
    float[] x = cloud.coordinates();
    double[] gram = GramKernel.lowerGram(x, n, dim);
    // With e the per-entry bound relative to |x||y|, the squared distance is off by at most
    // e|x|^2 + e|y|^2 + 2e|x||y| <= 2e(|x|^2 + |y|^2). The distance's relative error is half the
    // squared distance's; keep it under the promise less 1% for the final float32 rounding, and
    // recompute directly from the differences wherever the bound does not guarantee that.
    double errorFactor = 2 * GramKernel.relativeErrorBound(dim);
    double fallbackRatio = errorFactor / (2 * 0.99 * RELATIVE_ACCURACY);
    int pairs = (int) ((long) n * (n - 1) / 2);
    float[] lower = new float[pairs];
    int[] first = new int[16];
    int[] second = new int[16];
    int[] slot = new int[16];
    int unresolved = 0;
    int k = 0;
    for (int i = 1; i < n; i++) {
      double gi = gram[index(i, i)];
      for (int j = 0; j < i; j++, k++) {
        double gj = gram[index(j, j)];
        double sq = gi + gj - 2 * gram[index(i, j)];
        if (sq < fallbackRatio * (gi + gj)) {
          if (unresolved == first.length) {
            first = java.util.Arrays.copyOf(first, 2 * unresolved);
            second = java.util.Arrays.copyOf(second, 2 * unresolved);
            slot = java.util.Arrays.copyOf(slot, 2 * unresolved);
          }
          first[unresolved] = i;
          second[unresolved] = j;
          slot[unresolved++] = k;
        } else {
          lower[k] = (float) Math.sqrt(Math.max(sq, 0.0)); // 0 only when both rows are 0
        }
      }
    }
    if (unresolved > 0) {
      double[] direct = GramKernel.squaredDistances(x, dim, first, second, unresolved);
      for (int p = 0; p < unresolved; p++) {
        lower[slot[p]] = (float) Math.sqrt(direct[p]);
      }
    }
    return LowerDistanceMatrix.of(n, lower);
  }

  /** Reference distances: differences and sums in double, one pair at a time. Slow; for checks. */
  public static LowerDistanceMatrix direct(PointCloud cloud) {
    int n = cloud.size();
    int dim = cloud.dimension();
    float[] x = cloud.coordinates();
    float[] lower = new float[(int) ((long) n * (n - 1) / 2)];
    int k = 0;
    for (int i = 1; i < n; i++) {
      for (int j = 0; j < i; j++) {
        double s = 0;
        for (int c = 0; c < dim; c++) {
          double diff = (double) x[i * dim + c] - x[j * dim + c];
          s += diff * diff;
        }
        lower[k++] = (float) Math.sqrt(s);
      }
    }
    return LowerDistanceMatrix.of(n, lower);
  }

  /**
   * Distances computed exactly as Ripser 1.2 computes them from a point cloud: the squared
   * differences summed in float32 in coordinate order, then a float32 square root. Used by the
   * command line so that its output diffs cleanly against {@code ripser --format point-cloud}.
   */
  public static LowerDistanceMatrix ripserCompatible(PointCloud cloud) {
    int n = cloud.size();
    int dim = cloud.dimension();
    float[] x = cloud.coordinates();
    float[] lower = new float[(int) ((long) n * (n - 1) / 2)];
    int k = 0;
    for (int i = 1; i < n; i++) {
      for (int j = 0; j < i; j++) {
        float s = 0f;
        for (int c = 0; c < dim; c++) {
          float diff = x[i * dim + c] - x[j * dim + c];
          s += diff * diff;
        }
        // A double square root rounded to float is the correctly rounded float square root.
        lower[k++] = (float) Math.sqrt(s);
      }
    }
    return LowerDistanceMatrix.of(n, lower);
  }

  /** Position of (i, j), {@code i >= j}, in a lower triangle that includes the diagonal. */
  static int index(int i, int j) {
    return i * (i + 1) / 2 + j;
  }
}
