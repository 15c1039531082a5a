package org.adabet.tda;

/**
 * The lower triangle (diagonal included) of {@code X X^T} for a row-major float32 matrix, with
 * double accumulation, plus a direct squared distance for the pairs the Gram form cannot resolve.
 */
final class GramKernel {

  private GramKernel() {}

  /** Gram entries at {@link EuclideanDistances#index(int, int)}. */
  static double[] lowerGram(float[] x, int n, int dim) {
    double[] g = new double[n * (n + 1) / 2];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = 0;
        int a = i * dim;
        int b = j * dim;
        for (int c = 0; c < dim; c++) {
          s += (double) x[a + c] * x[b + c];
        }
        g[EuclideanDistances.index(i, j)] = s;
      }
    }
    return g;
  }

  /**
   * Bound on |computed - exact| / (|x|.|y|) of one Gram entry: products of floats are exact in
   * double, so only the {@code dim} double additions round.
   */
  static double relativeErrorBound(int dim) {
    return (dim + 2) * 0x1p-53;
  }

  /** {@code sum (x_a - x_b)^2} over one row pair, in double. */
  static double squaredDistance(float[] x, int a, int b, int dim) {
    double s = 0;
    for (int c = 0; c < dim; c++) {
      double d = (double) x[a + c] - x[b + c];
      s += d * d;
    }
    return s;
  }
}
