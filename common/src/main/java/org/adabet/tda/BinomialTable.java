package org.adabet.tda;

/**
 * Binomial coefficients {@code C(v, k)} for {@code v <= n}, {@code k <= maxK}: the weights of the
 * combinatorial number system, in which the k-simplex {v_k > ... > v_0} has index {@code sum_i
 * C(v_i, i + 1)} (colexicographic rank). Simplices then are plain longs and never need vertex lists
 * stored.
 *
 * <p>Construction checks that the number of simplices of the largest size fits the index bits it
 * will be packed into, so a problem too large to index fails before anything big is allocated.
 */
final class BinomialTable {

    private final long[][] table;

    /**
     * @param n number of vertices
     * @param maxK largest subset size that will be indexed
     * @throws IllegalArgumentException if {@code C(n, maxK)} overflows a long
     */
    BinomialTable(int n, int maxK) {
        table = new long[maxK + 1][n + 1];
        for (int v = 0; v <= n; v++) {
            table[0][v] = 1;
            for (int k = 1; k <= Math.min(v, maxK); k++) {
                long a = table[k - 1][v - 1];
                long b = k <= v - 1 ? table[k][v - 1] : 0;
                if (a > Long.MAX_VALUE - b) {
                    throw new IllegalArgumentException(
                            "simplex index overflow: C("
                                    + v
                                    + ", "
                                    + k
                                    + ") does not fit in 63 bits");
                }
                table[k][v] = a + b;
            }
        }
    }

    /** {@code C(v, k)}, 0 when {@code k > v}. */
    long get(int v, int k) {
        return table[k][v];
    }

    /**
     * Exact {@code C(n, k)} without building a table, saturating at {@code Long.MAX_VALUE}; used to
     * check sizes before allocating.
     */
    static long saturated(long n, int k) {
        if (k < 0 || k > n) {
            return 0;
        }
        long r = 1;
        for (int i = 1; i <= k; i++) {
            // r * (n - k + i) / i stays integral at every step; guard the multiplication.
            long f = n - k + i;
            if (r > Long.MAX_VALUE / f) {
                return Long.MAX_VALUE;
            }
            r = r * f / i;
        }
        return r;
    }

    /**
     * Writes the {@code k + 1} vertices of the k-simplex with the given index into {@code out} in
     * decreasing order; {@code top} bounds the largest vertex (n - 1 at most).
     */
    void vertices(long index, int k, int top, int[] out) {
        int hi = top;
        for (int pos = k; pos >= 0; pos--) {
            if (pos == 1) {
                // Edges are decoded most often: largest v with v (v - 1) / 2 <= index, by a square
                // root.
                int v = (int) ((1 + Math.sqrt(1 + 8.0 * index)) / 2);
                while (table[2][v] > index) {
                    v--;
                }
                while (v + 1 <= hi && table[2][v + 1] <= index) {
                    v++;
                }
                out[k - 1] = v;
                out[k] = (int) (index - table[2][v]);
                return;
            }
            if (pos == 0) {
                out[k] = (int) index;
                return;
            }
            // Largest v in [pos, hi] with C(v, pos + 1) <= index: binary search, C increasing in v.
            int lo = pos;
            int h = hi;
            long[] row = table[pos + 1];
            while (lo < h) {
                int mid = (lo + h + 1) >>> 1;
                if (row[mid] <= index) {
                    lo = mid;
                } else {
                    h = mid - 1;
                }
            }
            out[k - pos] = lo;
            index -= row[lo];
            hi = lo - 1;
        }
    }
}
