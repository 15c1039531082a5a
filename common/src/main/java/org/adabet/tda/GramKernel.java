package org.adabet.tda;

/**
 * The lower triangle (diagonal included) of {@code X X^T} for a row-major float32 matrix, with
 * double accumulation, plus a direct squared distance for the pairs the Gram form cannot resolve.
 */
final class GramKernel {

    /** Whether jdk.incubator.vector is in the boot layer (--add-modules=jdk.incubator.vector). */
    static final boolean VECTORIZED =
            ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                    && !Boolean.getBoolean("adabet.tda.noVector");

    private GramKernel() {}

    /** Gram entries at {@link EuclideanDistances#index(int, int)}. */
    static double[] lowerGram(float[] x, int n, int dim) {
        return lowerGram(x, n, dim, true);
    }

    /**
     * @param doubleSums false only for the benchmark's bare float32 matmul peer, which keeps its
     *     running sums in float32 and promises no accuracy
     */
    static double[] lowerGram(float[] x, int n, int dim, boolean doubleSums) {
        return lowerGram(x, n, dim, doubleSums, VectorGram.CHUNK);
    }

    /** As above with a given column chunk (the benchmark peer picks its fastest). */
    static double[] lowerGram(float[] x, int n, int dim, boolean doubleSums, int chunk) {
        double[] g = new double[n * (n + 1) / 2];
        fill(g, x, n, dim, doubleSums, chunk, null);
        return g;
    }

    /** Rows per side of a block of the Gram matrix: the register tile of {@link VectorGram}. */
    static final int BLOCK = 4;

    /** Blocks per side of the Gram matrix of {@code n} rows. */
    static int blocksPerSide(int n) {
        return (n + BLOCK - 1) / BLOCK;
    }

    /**
     * The block holding the pair of rows {@code (a, b)}, in either order, in an array of {@code
     * perSide x perSide} blocks, the larger row's block first (the lower triangle).
     */
    static int block(int a, int b, int perSide) {
        return Math.max(a, b) / BLOCK * perSide + Math.min(a, b) / BLOCK;
    }

    /**
     * Computes into {@code g} (zero there) the entries of the Gram lower triangle whose rows {@code
     * (i, j)} lie in a wanted block: {@code blocks[block(i, j, blocksPerSide(n))]}. Each entry gets
     * the bits {@link #lowerGram(float[], int, int)} gives it, whichever other blocks are computed,
     * now or later.
     */
    static void lowerGramBlocks(double[] g, float[] x, int n, int dim, boolean[] blocks) {
        fill(g, x, n, dim, true, VectorGram.CHUNK, blocks);
    }

    /** As {@link #lowerGramBlocks}; {@code blocks} null for all. */
    private static void fill(
            double[] g,
            float[] x,
            int n,
            int dim,
            boolean doubleSums,
            int chunk,
            boolean[] blocks) {
        int perSide = blocksPerSide(n);
        int done = VECTORIZED ? VectorGram.accumulate(x, n, dim, g, chunk, doubleSums, blocks) : 0;
        if (done < dim) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    if (blocks != null && !blocks[block(i, j, perSide)]) {
                        continue;
                    }
                    double s = 0;
                    int a = i * dim;
                    int b = j * dim;
                    // Products of floats are exact in double; only the additions round.
                    for (int c = done; c < dim; c++) {
                        s += (double) x[a + c] * x[b + c];
                    }
                    g[EuclideanDistances.index(i, j)] += s;
                }
            }
        }
    }

    /**
     * Bound on |computed - exact| / (|x| |y|) for one Gram entry. Scalar path: products exact in
     * double, {@code dim} double roundings. Vector path: the float32 chunk bound dominates.
     */
    static double relativeErrorBound(int dim) {
        double scalar = (dim + 2) * 0x1p-53;
        return VECTORIZED ? VectorGram.relativeErrorBound(VectorGram.CHUNK) + scalar : scalar;
    }

    /**
     * Squared distances of the row pairs {@code (first[p], second[p])}, to the bound of {@link
     * #squaredDistance}.
     */
    static double[] squaredDistances(float[] x, int dim, int[] first, int[] second, int count) {
        if (VECTORIZED) {
            return VectorGram.squaredDistances(x, dim, first, second, count);
        }
        double[] out = new double[count];
        for (int p = 0; p < count; p++) {
            out[p] = squaredDistance(x, first[p] * dim, second[p] * dim, dim);
        }
        return out;
    }

    /**
     * {@code sum (x_a - x_b)^2} over one row pair, to the same relative bound as the Gram entries.
     */
    static double squaredDistance(float[] x, int a, int b, int dim) {
        if (VECTORIZED) {
            return VectorGram.squaredDistance(x, a, b, dim);
        }
        double s = 0;
        for (int c = 0; c < dim; c++) {
            double d = (double) x[a + c] - x[b + c];
            s += d * d;
        }
        return s;
    }
}
