package org.adabet.tda;

/**
 * A bare float32 {@code X X^T} (lower triangle, i.e. a SYRK) — the peer the benchmark measures the
 * distance step against. It is the same cache-blocked, 4 x 4 register-tiled Vector API loop as
 * {@link EuclideanDistances#of}, with float32 running sums and none of the accuracy work (double
 * chunk sums, norms, error bound, fallback, square roots), so the ratio shows what accuracy costs.
 */
public final class FloatGram {

    private static final int[] CHUNKS = {512, 1024, 2048};

    private FloatGram() {}

    /** Column chunks the benchmark tries for the peer, keeping its fastest. */
    public static int[] chunks() {
        return CHUNKS.clone();
    }

    /** The lower triangle of X X^T with float32 running sums, column chunks of {@code chunk}. */
    public static double[] lowerProduct(float[] x, int n, int dim, int chunk) {
        return GramKernel.lowerGram(x, n, dim, false, chunk);
    }

    /** Whether the Vector API kernel is in use (needs --add-modules=jdk.incubator.vector). */
    public static boolean vectorApiActive() {
        return GramKernel.VECTORIZED;
    }

    /** Float lanes per vector in use, 1 without the Vector API. */
    public static int lanes() {
        return GramKernel.VECTORIZED ? VectorGram.LANES : 1;
    }
}
