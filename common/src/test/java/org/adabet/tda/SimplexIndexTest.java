package org.adabet.tda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.util.Combinations;
import org.apache.commons.math3.util.CombinatoricsUtils;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimplexIndexTest {

    private static long index(BinomialTable c, int[] ascending) {
        long idx = 0;
        for (int i = 0; i < ascending.length; i++) {
            idx += c.get(ascending[i], i + 1);
        }
        return idx;
    }

    @ParameterizedTest
    @CsvSource({"9, 1", "9, 2", "9, 3", "9, 4", "40, 2", "25, 3", "17, 4", "2, 2"})
    void indexAndVerticesRoundTripOverEverySubset(int n, int size) {
        BinomialTable c = new BinomialTable(n, 4);
        assertEquals(CombinatoricsUtils.binomialCoefficient(n, size), c.get(n, size));
        Set<Long> seen = new HashSet<>();
        int[] out = new int[size];
        for (int[] subset : new Combinations(n, size)) {
            long idx = index(c, subset);
            assertTrue(idx >= 0 && idx < c.get(n, size), "index " + idx);
            assertTrue(seen.add(idx), "index " + idx + " twice");
            c.vertices(idx, size - 1, n - 1, out);
            for (int i = 0; i < size; i++) {
                assertEquals(subset[size - 1 - i], out[i], "vertex " + i + " of index " + idx);
            }
        }
        assertEquals(c.get(n, size), seen.size());
    }

    @ParameterizedTest
    @CsvSource({"1, 7", "2, 9", "1, 12"})
    void coboundaryEnumeratesEveryCofacetOnceInDecreasingIndex(int k, int n) {
        float[] lower = new float[n * (n - 1) / 2];
        for (int i = 0; i < lower.length; i++) {
            lower[i] = 1 + (i * 37 % 11); // many ties on purpose
        }
        Filtration f =
                Filtration.of(
                        LowerDistanceMatrix.of(n, lower), new RipsOptions(2, Float.MAX_VALUE));
        CoboundaryEnumerator e = new CoboundaryEnumerator(f);
        BinomialTable c = f.binomials;
        for (int[] subset : new Combinations(n, k + 1)) {
            int diam = 0;
            for (int a : subset) {
                for (int b : subset) {
                    if (a != b) {
                        diam = Math.max(diam, f.rank[a * n + b]);
                    }
                }
            }
            List<Long> expected = new ArrayList<>();
            for (int w = n - 1; w >= 0; w--) {
                if (contains(subset, w)) {
                    continue;
                }
                int d = diam;
                for (int v : subset) {
                    d = Math.max(d, f.rank[v * n + w]);
                }
                int[] bigger = new int[k + 2];
                int t = 0;
                for (int v = 0; v < n; v++) {
                    if (v == w || contains(subset, v)) {
                        bigger[t++] = v;
                    }
                }
                expected.add(f.key(d, index(c, bigger)));
            }
            List<Long> actual = new ArrayList<>();
            e.reset(f.key(diam, index(c, subset)), k);
            while (e.advance(true)) {
                actual.add(e.key());
            }
            assertArrayEquals(
                    expected.stream().mapToLong(Long::longValue).toArray(),
                    actual.stream().mapToLong(Long::longValue).toArray(),
                    "cofacets of " + index(c, subset));
        }
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }
}
