package org.adabet.tda;

import java.util.Arrays;
import java.util.List;

/**
 * Reduces the coboundary matrix of one dimension column by column, in reverse filtration order,
 * over Z/2 (Bauer 2021, sections 3–4): columns are never stored, only the reduction matrix V (which
 * simplices were added), and a column is rebuilt from the implicit coboundaries of its simplices
 * when it has to be added again. A column whose earliest cofacet has its own diameter and is free
 * is paired at once (emergent pair) without building its coboundary; a pivot that belongs to a
 * skipped apparent pair is eliminated with that pair's facet coboundary.
 */
final class CohomologyReducer {

    private final Filtration f;
    private final CoboundaryEnumerator cofacets;
    private final ApparentPairs apparent;
    private final LongMinHeap heap = new LongMinHeap();
    private long[] buffer = new long[64];
    private long[] added = new long[16];
    private int addedCount;

    // Reduction matrix V, one slot per paired column: its simplex and the simplices added to it.
    private long[] slotColumn = new long[64];
    private int[] slotStart = new int[65];
    private long[] pool = new long[256];
    private int slots;

    CohomologyReducer(Filtration f, ApparentPairs apparent) {
        this.f = f;
        this.cofacets = new CoboundaryEnumerator(f);
        this.apparent = apparent;
    }

    /**
     * Reduces the given k-simplex columns and appends the intervals with death > birth (and the
     * essential ones) to {@code out}.
     *
     * @param columns keys in ascending filtration order; processed from the last one down
     * @return the pivots found, by simplex index: the (k+1)-simplices to clear in the next
     *     dimension
     */
    PivotMap reduce(int k, long[] columns, int count, List<PersistenceInterval> out) {
        PivotMap pivots = new PivotMap(Math.max(16, count));
        slots = 0;
        slotStart[0] = 0;
        for (int c = count - 1; c >= 0; c--) {
            long column = columns[c];
            heap.clear();
            addedCount = 0;
            long pivot = initialPivot(column, k, pivots);
            boolean emergent = pivot != LongMinHeap.NONE && heap.isEmpty();
            while (!emergent && pivot != LongMinHeap.NONE) {
                long pivotIndex = f.indexOf(pivot);
                int slot = pivots.get(pivotIndex);
                if (slot >= 0) {
                    addColumn(slot, k);
                } else {
                    long facet = apparent.zeroApparentFacet(pivot, k + 1);
                    if (facet == ApparentPairs.NONE) {
                        break;
                    }
                    addSimplex(facet, k);
                }
                pivot = heap.pivot();
            }
            int birth = f.rankOf(column);
            if (pivot == LongMinHeap.NONE) {
                out.add(new PersistenceInterval(k, f.value(birth), Float.POSITIVE_INFINITY));
                continue;
            }
            int death = f.rankOf(pivot);
            if (death > birth) {
                out.add(new PersistenceInterval(k, f.value(birth), f.value(death)));
            }
            pivots.put(f.indexOf(pivot), store(column));
        }
        return pivots;
    }

    /**
     * Enumerates the coboundary of {@code column} once. If its earliest cofacet has the column's
     * own diameter, is no other column's pivot and no apparent pair's, it is the pivot and the heap
     * stays empty; otherwise all cofacets go into the heap and its pivot is returned.
     */
    private long initialPivot(long column, int k, PivotMap pivots) {
        int d = f.rankOf(column);
        boolean checkEmergent = true;
        int n = 0;
        cofacets.reset(column, k);
        while (cofacets.advance(true)) {
            long c = cofacets.key();
            if (checkEmergent && f.rankOf(c) == d) {
                if (!pivots.contains(f.indexOf(c))
                        && apparent.zeroApparentFacet(c, k + 1) == ApparentPairs.NONE) {
                    return c;
                }
                checkEmergent = false;
            }
            if (n == buffer.length) {
                buffer = Arrays.copyOf(buffer, n * 2);
            }
            buffer[n++] = c;
        }
        heap.pushAll(buffer, n);
        return heap.pivot();
    }

    private void addColumn(int slot, int k) {
        addSimplex(slotColumn[slot], k);
        for (int i = slotStart[slot]; i < slotStart[slot + 1]; i++) {
            addSimplex(pool[i], k);
        }
    }

    private void addSimplex(long simplex, int k) {
        if (addedCount == added.length) {
            added = Arrays.copyOf(added, addedCount * 2);
        }
        added[addedCount++] = simplex;
        int n = 0;
        cofacets.reset(simplex, k);
        while (cofacets.advance(true)) {
            if (n == buffer.length) {
                buffer = Arrays.copyOf(buffer, n * 2);
            }
            buffer[n++] = cofacets.key();
        }
        heap.addAll(buffer, n);
    }

    /** Stores the column and its added simplices modulo 2 as a new slot. */
    private int store(long column) {
        Arrays.sort(added, 0, addedCount);
        if (slots + 1 == slotColumn.length) {
            slotColumn = Arrays.copyOf(slotColumn, slotColumn.length * 2);
            slotStart = Arrays.copyOf(slotStart, slotStart.length * 2);
        }
        int start = slotStart[slots];
        int end = start;
        for (int i = 0; i < addedCount; i++) {
            if (i + 1 < addedCount && added[i] == added[i + 1]) {
                i++;
                continue;
            }
            if (end == pool.length) {
                pool = Arrays.copyOf(pool, pool.length * 2);
            }
            pool[end++] = added[i];
        }
        slotColumn[slots] = column;
        slotStart[slots + 1] = end;
        return slots++;
    }
}
