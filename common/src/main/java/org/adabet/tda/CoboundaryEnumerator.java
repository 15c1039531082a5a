package org.adabet.tda;

/**
 * Enumerates the cofacets of one simplex implicitly, in decreasing combinatorial index, without
 * ever materialising a coboundary matrix: inserting vertex {@code w} into {v_k > ... > v_0} gives
 * index {@code above + C(w, j + 1) + below}, where {@code below} sums the unchanged terms of
 * vertices under {@code w} and {@code above} the terms of vertices over it, each shifted one
 * position up. Walking {@code w} downwards only moves one vertex from "below" to "above" at a time,
 * so each cofacet costs O(k) (its diameter) rather than O(k log n).
 *
 * <p>Cofacets whose diameter exceeds the threshold are skipped. One instance is reused for many
 * simplices; it is not thread-safe.
 */
final class CoboundaryEnumerator {

    private final Filtration f;
    private final int[] rank;
    private final int n;
    private final int[] vertices = new int[RipsOptions.MAX_SUPPORTED_DIMENSION + 2];
    private final int[] rows = new int[RipsOptions.MAX_SUPPORTED_DIMENSION + 2];
    private int k;
    private int diameter;
    private long below;
    private long above;
    private int position;
    private int nextVertex;
    private int w;
    private long current;

    CoboundaryEnumerator(Filtration f) {
        this.f = f;
        this.rank = f.rank;
        this.n = f.n;
    }

    /** Starts on the k-simplex with the given key. */
    void reset(long key, int k) {
        this.k = k;
        this.diameter = f.rankOf(key);
        long index = f.indexOf(key);
        f.binomials.vertices(index, k, n - 1, vertices);
        for (int i = 0; i <= k; i++) {
            rows[i] = vertices[i] * n;
        }
        below = index;
        above = 0;
        position = k + 1;
        nextVertex = 0;
        w = n - 1;
    }

    /**
     * Moves to the next cofacet within the threshold.
     *
     * @param all false to stop at the first vertex of the simplex, i.e. to see only cofacets that
     *     add a vertex larger than all existing ones — each (k+1)-simplex is met exactly once that
     *     way when the facets it is built from are all k-simplices
     * @return false when there is none left
     */
    boolean advance(boolean all) {
        BinomialTable c = f.binomials;
        while (w >= 0) {
            int v = w--;
            if (nextVertex <= k && v == vertices[nextVertex]) {
                if (!all) {
                    w = -1;
                    return false;
                }
                below -= c.get(v, position);
                above += c.get(v, position + 1);
                position--;
                nextVertex++;
                continue;
            }
            // Rows of the simplex's own vertices, read at column v: as v walks down, each row is
            // read
            // sequentially (the rank table is symmetric), where row v would jump n entries per
            // step.
            int d = diameter;
            for (int i = 0; i <= k; i++) {
                int r = rank[rows[i] + v];
                if (r > d) {
                    d = r;
                }
            }
            if (d == Filtration.EXCLUDED) {
                continue;
            }
            current = f.key(d, above + c.get(v, position + 1) + below);
            return true;
        }
        return false;
    }

    /** Key of the cofacet found by the last successful {@link #advance(boolean)}. */
    long key() {
        return current;
    }
}
