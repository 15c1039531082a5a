package org.adabet.tda;

/**
 * Zero-persistence apparent pairs (Bauer 2021, section 3.5): a pair (sigma, tau) where tau is the
 * earliest cofacet of sigma, sigma the latest facet of tau, and both have the same diameter. Such
 * pairs are persistence pairs of every reduction, have length zero, and can be skipped entirely —
 * by far the most common kind of pair in a Rips filtration.
 */
final class ApparentPairs {

    static final long NONE = -1L;

    private final Filtration f;
    private final CoboundaryEnumerator cofacets;
    private final int[] vertices = new int[RipsOptions.MAX_SUPPORTED_DIMENSION + 3];

    ApparentPairs(Filtration f) {
        this.f = f;
        this.cofacets = new CoboundaryEnumerator(f);
    }

    /** The earliest cofacet of the k-simplex {@code key} if it has the same diameter, else NONE. */
    long earliestCofacetOfSameDiameter(long key, int k) {
        int d = f.rankOf(key);
        cofacets.reset(key, k);
        // Decreasing index: the first cofacet at sigma's own diameter is the earliest in the order.
        while (cofacets.advance(true)) {
            long c = cofacets.key();
            if (f.rankOf(c) == d) {
                return c;
            }
        }
        return NONE;
    }

    /**
     * The latest facet of the k-simplex {@code key} (k >= 2): among facets of equal diameter the
     * one of smallest index. Facets are met in increasing index by removing the largest vertex
     * first.
     */
    long latestFacet(long key, int k) {
        int d = f.rankOf(key);
        long index = f.indexOf(key);
        BinomialTable c = f.binomials;
        c.vertices(index, k, f.n - 1, vertices);
        int[] rank = f.rank;
        int n = f.n;
        long above = 0;
        long below = index - c.get(vertices[0], k + 1);
        for (int p = 0; p <= k; p++) {
            int fd = 0;
            for (int a = 0; a <= k; a++) {
                if (a == p) {
                    continue;
                }
                int row = vertices[a] * n;
                for (int b = a + 1; b <= k; b++) {
                    if (b != p && rank[row + vertices[b]] > fd) {
                        fd = rank[row + vertices[b]];
                    }
                }
            }
            if (fd == d) {
                return f.key(d, above + below);
            }
            if (p < k) {
                above += c.get(vertices[p], k - p);
                below -= c.get(vertices[p + 1], k - p);
            }
        }
        return NONE;
    }

    /**
     * The cofacet tau with (sigma, tau) a zero apparent pair, for the k-simplex sigma; else NONE.
     */
    long zeroApparentCofacet(long key, int k) {
        long tau = earliestCofacetOfSameDiameter(key, k);
        if (tau != NONE && latestFacet(tau, k + 1) == key) {
            return tau;
        }
        return NONE;
    }

    /**
     * The facet sigma with (sigma, tau) a zero apparent pair, for the k-simplex tau (k >= 2); else
     * NONE.
     */
    long zeroApparentFacet(long key, int k) {
        long sigma = latestFacet(key, k);
        if (sigma != NONE && earliestCofacetOfSameDiameter(sigma, k - 1) == key) {
            return sigma;
        }
        return NONE;
    }

    /** True if the k-simplex is either side of a zero apparent pair. */
    boolean inZeroApparentPair(long key, int k) {
        return zeroApparentCofacet(key, k) != NONE || (k >= 2 && zeroApparentFacet(key, k) != NONE);
    }
}
