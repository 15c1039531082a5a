package org.adabet.tda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Multiset comparison of barcodes: same count per dimension, values equal to a relative tolerance.
 */
final class BarcodeAssert {

    private BarcodeAssert() {}

    static List<PersistenceInterval> sorted(List<PersistenceInterval> in, boolean positiveOnly) {
        List<PersistenceInterval> out = new ArrayList<>();
        for (PersistenceInterval p : in) {
            if (!positiveOnly || p.hasPositiveLength()) {
                out.add(p);
            }
        }
        // Sort by values rounded to the 6 digits Ripser prints, so that a printed reference and
        // exact values pair up even where rounding would swap neighbours.
        out.sort(
                Comparator.comparingInt(PersistenceInterval::dimension)
                        .thenComparingDouble((PersistenceInterval p) -> sixDigits(p.birth()))
                        .thenComparingDouble((PersistenceInterval p) -> sixDigits(p.death()))
                        .thenComparingDouble(PersistenceInterval::birth)
                        .thenComparingDouble(PersistenceInterval::death));
        return out;
    }

    /**
     * Compares {@code expected} (already filtered: a reference's printed intervals may round to
     * zero length) with the positive-length intervals of {@code actual}, as multisets, values to
     * {@code relTol} relative.
     */
    static void assertSameMultiset(
            List<PersistenceInterval> expected,
            List<PersistenceInterval> actual,
            double relTol,
            String what) {
        List<PersistenceInterval> e = sorted(expected, false);
        List<PersistenceInterval> a = sorted(actual, true);
        for (int d = 0; d <= 3; d++) {
            final int dd = d;
            long ce = e.stream().filter(p -> p.dimension() == dd).count();
            long ca = a.stream().filter(p -> p.dimension() == dd).count();
            assertEquals(
                    ce,
                    ca,
                    what + ": number of dim-" + d + " intervals\nexpected " + e + "\nactual " + a);
        }
        for (int i = 0; i < e.size(); i++) {
            PersistenceInterval x = e.get(i);
            PersistenceInterval y = a.get(i);
            if (x.dimension() != y.dimension()
                    || !close(x.birth(), y.birth(), relTol)
                    || !close(x.death(), y.death(), relTol)) {
                fail(
                        what
                                + ": interval "
                                + i
                                + " expected "
                                + x
                                + " got "
                                + y
                                + "\nexpected "
                                + e
                                + "\nactual "
                                + a);
            }
        }
    }

    static double sixDigits(float v) {
        if (!Float.isFinite(v) || v == 0f) {
            return v;
        }
        return new java.math.BigDecimal((double) v)
                .round(new java.math.MathContext(6))
                .doubleValue();
    }

    static boolean close(float x, float y, double relTol) {
        if (x == y) {
            return true;
        }
        return Math.abs((double) x - y)
                <= relTol * Math.max(Math.abs((double) x), Math.abs((double) y)) + 1e-30;
    }
}
