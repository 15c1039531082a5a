package org.adabet.tda;

import java.util.Arrays;

/**
 * The Vietoris–Rips filtration of a distance matrix, reduced to integers: every distinct float32
 * distance up to the threshold gets a rank, a simplex's diameter is the largest rank among its
 * edges, and a simplex is one long key {@code rank << indexBits | (indexMask - index)}.
 *
 * <p>Ascending keys then follow the filtration order (diameter ascending, ties broken by
 * <em>larger</em> combinatorial index first) — the order in which enumerating cofacets by
 * decreasing index meets the earliest cofacet first, which the emergent-pair shortcut relies on.
 * Ranks compare exactly like the float32 values they stand for, so zero-length intervals are
 * decided at Ripser's precision.
 */
final class Filtration {

    /** Rank of an edge above the threshold: never part of the complex. */
    static final int EXCLUDED = Integer.MAX_VALUE;

    final int n;
    final int maxDimension;
    final float threshold;
    final BinomialTable binomials;

    /** Rank of edge (i, j) at {@code i * n + j}; EXCLUDED above the threshold. */
    final int[] rank;

    /** Distance value of each rank. */
    final float[] values;

    /** Keys of the edges within the threshold, in filtration order. */
    final long[] edges;

    final int indexBits;
    final long indexMask;

    private Filtration(LowerDistanceMatrix d, int maxDimension, float threshold) {
        this.n = d.size();
        this.maxDimension = maxDimension;
        this.threshold = threshold;
        this.indexBits = checkIndexBits(n, maxDimension);
        this.indexMask = (1L << indexBits) - 1;
        this.binomials = new BinomialTable(n, maxDimension + 2);
        this.rank = new int[n * n];
        Arrays.fill(rank, EXCLUDED);

        float[] lower = d.lowerTriangle();
        int m = 0;
        for (float v : lower) {
            if (v <= threshold) {
                m++;
            }
        }
        // Sort (value, edge) pairs once: float bits of non-negative floats order like the floats,
        // and
        // the low word puts larger edge indices first among equal values (the filtration
        // tie-break).
        long[] packed = new long[m];
        int k = 0;
        for (int e = 0; e < lower.length; e++) {
            if (lower[e] <= threshold) {
                packed[k++] =
                        ((long) Float.floatToRawIntBits(lower[e]) << 32) | (Integer.MAX_VALUE - e);
            }
        }
        Arrays.sort(packed);
        float[] distinct = new float[m];
        edges = new long[m];
        int r = -1;
        int lastBits = -1;
        int[] ij = new int[2];
        for (int t = 0; t < m; t++) {
            int bits = (int) (packed[t] >>> 32);
            if (bits != lastBits) {
                distinct[++r] = Float.intBitsToFloat(bits);
                lastBits = bits;
            }
            int e = Integer.MAX_VALUE - (int) packed[t];
            binomials.vertices(e, 1, n - 1, ij);
            rank[ij[0] * n + ij[1]] = r;
            rank[ij[1] * n + ij[0]] = r;
            edges[t] = key(r, e);
        }
        values = Arrays.copyOf(distinct, r + 1);
    }

    /**
     * Builds the filtration of {@code d} up to {@code options.threshold()} or, when that is
     * +infinity, up to the enclosing radius.
     */
    static Filtration of(DistanceMatrix d, RipsOptions options) {
        int n = d.size();
        if (n < 2) {
            throw new IllegalArgumentException("persistence needs at least 2 points, got " + n);
        }
        checkIndexBits(n, options.maxDimension());
        LowerDistanceMatrix lower = LowerDistanceMatrix.copyOf(d);
        float t = options.usesEnclosingRadius() ? enclosingRadius(lower) : options.threshold();
        return new Filtration(lower, options.maxDimension(), t);
    }

    /**
     * {@code min_i max_j d(i, j)}: beyond it some point is within reach of all others, the complex
     * is a cone, and no class of dimension >= 1 survives — so truncating there loses nothing.
     */
    static float enclosingRadius(DistanceMatrix d) {
        int n = d.size();
        float best = Float.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            float r = 0f;
            for (int j = 0; j < n; j++) {
                r = Math.max(r, d.distance(i, j));
            }
            best = Math.min(best, r);
        }
        return best;
    }

    /**
     * Bits needed for the indices of simplices with up to {@code maxDimension + 2} vertices, after
     * checking that they and the edge ranks fit one 63-bit key together — before any allocation.
     */
    static int checkIndexBits(int n, int maxDimension) {
        if (n > LowerDistanceMatrix.MAX_POINTS) {
            throw new IllegalArgumentException(
                    "too many points for the rank table: "
                            + n
                            + " > "
                            + LowerDistanceMatrix.MAX_POINTS);
        }
        // Indices of all simplex sizes share the bits: for small n there are more edges than
        // triangles.
        long simplices = 0;
        for (int k = 2; k <= maxDimension + 2; k++) {
            simplices = Math.max(simplices, BinomialTable.saturated(n, k));
        }
        int indexBits = Math.max(1, 64 - Long.numberOfLeadingZeros(simplices));
        long edgeCount = (long) n * (n - 1) / 2;
        int rankBits = Math.max(1, 64 - Long.numberOfLeadingZeros(edgeCount));
        if (simplices == Long.MAX_VALUE || indexBits + rankBits > 63) {
            throw new IllegalArgumentException(
                    "n = "
                            + n
                            + " points with maxDim = "
                            + maxDimension
                            + " needs "
                            + indexBits
                            + " index bits + "
                            + rankBits
                            + " diameter bits > 63: too large to index simplices");
        }
        return indexBits;
    }

    long key(int diameterRank, long index) {
        return ((long) diameterRank << indexBits) | (indexMask - index);
    }

    int rankOf(long key) {
        return (int) (key >>> indexBits);
    }

    long indexOf(long key) {
        return indexMask - (key & indexMask);
    }

    float value(int diameterRank) {
        return values[diameterRank];
    }
}
