package org.adabet.tda;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test oracle: persistent homology by the textbook algorithm — every simplex listed, the full
 * boundary matrix reduced left to right over Z/2. Exponentially slower than the engine and
 * independent of all its shortcuts (cohomology, clearing, apparent and emergent pairs).
 */
final class NaiveRips {

    private NaiveRips() {}

    /**
     * Positive-length intervals and essential classes, dims 0..maxDim, simplices up to threshold.
     */
    static List<PersistenceInterval> intervals(DistanceMatrix d, int maxDim, float threshold) {
        int n = d.size();
        List<int[]> simplices = new ArrayList<>();
        List<Float> diameters = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            simplices.add(new int[] {v});
            diameters.add(0f);
        }
        List<int[]> layer = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            layer.add(new int[] {v});
        }
        for (int dim = 1; dim <= maxDim + 1; dim++) {
            List<int[]> next = new ArrayList<>();
            for (int[] s : layer) {
                for (int w = s[s.length - 1] + 1; w < n; w++) {
                    int[] t = java.util.Arrays.copyOf(s, s.length + 1);
                    t[s.length] = w;
                    float diam = diameter(d, t);
                    if (diam <= threshold) {
                        next.add(t);
                        simplices.add(t);
                        diameters.add(diam);
                    }
                }
            }
            layer = next;
        }
        current.clear();
        Integer[] order = new Integer[simplices.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(
                order,
                (a, b) -> {
                    int c = Float.compare(diameters.get(a), diameters.get(b));
                    return c != 0
                            ? c
                            : Integer.compare(simplices.get(a).length, simplices.get(b).length);
                });
        Map<String, Integer> position = new HashMap<>();
        for (int p = 0; p < order.length; p++) {
            position.put(java.util.Arrays.toString(simplices.get(order[p])), p);
        }
        BitSet[] columns = new BitSet[order.length];
        for (int p = 0; p < order.length; p++) {
            int[] s = simplices.get(order[p]);
            columns[p] = new BitSet();
            if (s.length > 1) {
                for (int drop = 0; drop < s.length; drop++) {
                    int[] facet = new int[s.length - 1];
                    for (int i = 0, t = 0; i < s.length; i++) {
                        if (i != drop) {
                            facet[t++] = s[i];
                        }
                    }
                    columns[p].set(position.get(java.util.Arrays.toString(facet)));
                }
            }
        }
        int[] lowToColumn = new int[order.length];
        java.util.Arrays.fill(lowToColumn, -1);
        boolean[] paired = new boolean[order.length];
        List<PersistenceInterval> out = new ArrayList<>();
        for (int p = 0; p < order.length; p++) {
            BitSet col = columns[p];
            while (!col.isEmpty()) {
                int low = col.length() - 1;
                int other = lowToColumn[low];
                if (other < 0) {
                    lowToColumn[low] = p;
                    paired[low] = true;
                    paired[p] = true;
                    int dim = simplices.get(order[low]).length - 1;
                    float birth = diameters.get(order[low]);
                    float death = diameters.get(order[p]);
                    if (death > birth && dim <= maxDim) {
                        out.add(new PersistenceInterval(dim, birth, death));
                    }
                    break;
                }
                col.xor(columns[other]);
            }
        }
        for (int p = 0; p < order.length; p++) {
            int dim = simplices.get(order[p]).length - 1;
            if (!paired[p] && dim <= maxDim) {
                out.add(
                        new PersistenceInterval(
                                dim, diameters.get(order[p]), Float.POSITIVE_INFINITY));
            }
        }
        return out;
    }

    private static float diameter(DistanceMatrix d, int[] s) {
        float m = 0f;
        for (int a = 0; a < s.length; a++) {
            for (int b = a + 1; b < s.length; b++) {
                m = Math.max(m, d.distance(s[a], s[b]));
            }
        }
        return m;
    }
}
