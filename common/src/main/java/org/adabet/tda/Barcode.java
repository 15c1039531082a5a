package org.adabet.tda;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The persistence barcode of a filtration in dimensions {@code 0..maxDimension}, in the order the
 * engine found the intervals (which is the order Ripser 1.2 prints them in).
 *
 * <p><b>Zero-length intervals.</b> In dimension 0 the barcode keeps <em>every</em> pair found by
 * Kruskal's algorithm, including {@code [0, 0)} intervals that duplicate points (or distances that
 * are 0 in float32) produce, so that a connected input of n points always has exactly n - 1 finite
 * and one essential H0 interval. In dimensions >= 1 zero-length pairs are not enumerated at all
 * (most of them are apparent pairs the algorithm skips without computing), so only intervals with
 * {@code death > birth} appear. Ripser prints only {@code death > birth} intervals in every
 * dimension; {@link #positiveLength()} gives exactly that view, and Betti numbers use it.
 */
public final class Barcode {

    private final int maxDimension;
    private final List<PersistenceInterval> intervals;

    /**
     * A barcode over dimensions {@code 0..maxDimension}; intervals in a higher dimension are
     * rejected.
     */
    public Barcode(int maxDimension, List<PersistenceInterval> intervals) {
        if (maxDimension < 0) {
            throw new IllegalArgumentException(
                    "barcode maxDimension must be >= 0, was " + maxDimension);
        }
        for (PersistenceInterval p : intervals) {
            if (p.dimension() > maxDimension) {
                throw new IllegalArgumentException(
                        "interval " + p + " above maxDimension " + maxDimension);
            }
        }
        this.maxDimension = maxDimension;
        this.intervals = Collections.unmodifiableList(new ArrayList<>(intervals));
    }

    /** All intervals, zero-length H0 ones included (see class comment). */
    public List<PersistenceInterval> intervals() {
        return intervals;
    }

    /** The intervals of dimension {@code d}, in discovery order. */
    public List<PersistenceInterval> inDimension(int d) {
        List<PersistenceInterval> out = new ArrayList<>();
        for (PersistenceInterval p : intervals) {
            if (p.dimension() == d) {
                out.add(p);
            }
        }
        return out;
    }

    /** Highest dimension computed (intervals may be absent in it). */
    public int maxDimension() {
        return maxDimension;
    }

    /** The barcode Ripser prints: only intervals with {@code death > birth}. */
    public Barcode positiveLength() {
        List<PersistenceInterval> out = new ArrayList<>();
        for (PersistenceInterval p : intervals) {
            if (p.hasPositiveLength()) {
                out.add(p);
            }
        }
        return new Barcode(maxDimension, out);
    }

    /**
     * Betti number: intervals of dimension {@code d} with {@code death > birth}, essential ones
     * included.
     */
    public int betti(int d) {
        return bettiAbove(d, 0.0);
    }

    /**
     * Intervals of dimension {@code d} whose persistence {@code death - birth} (in double) is
     * strictly greater than {@code minPersistence}; essential intervals always count. With {@code
     * minPersistence == 0} this is {@link #betti(int)}.
     */
    public int bettiAbove(int d, double minPersistence) {
        if (!(minPersistence >= 0)) {
            throw new IllegalArgumentException(
                    "persistence threshold must be >= 0, was " + minPersistence);
        }
        int count = 0;
        for (PersistenceInterval p : intervals) {
            if (p.dimension() == d
                    && p.hasPositiveLength()
                    && (p.isEssential() || (double) p.death() - p.birth() > minPersistence)) {
                count++;
            }
        }
        return count;
    }

    /** Number of essential (never dying) classes in dimension {@code d}. */
    public int essentialCount(int d) {
        int count = 0;
        for (PersistenceInterval p : intervals) {
            if (p.dimension() == d && p.isEssential()) {
                count++;
            }
        }
        return count;
    }

    @Override
    public String toString() {
        return "Barcode[maxDimension=" + maxDimension + ", intervals=" + intervals + "]";
    }
}
