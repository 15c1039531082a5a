package org.adabet.tda;

/**
 * One bar of a barcode: a homology class of dimension {@code dimension} born at filtration value
 * {@code birth} and dying at {@code death}; essential classes never die and have {@code death ==
 * Float.POSITIVE_INFINITY} (never a sentinel like -1).
 *
 * @param dimension homology dimension, >= 0
 * @param birth filtration value (a float32 distance) at which the class appears
 * @param death filtration value at which it dies, {@code >= birth}, or +infinity
 */
public record PersistenceInterval(int dimension, float birth, float death) {

    /** Validates {@code dimension >= 0}, finite {@code birth}, and {@code birth <= death}. */
    public PersistenceInterval {
        if (dimension < 0) {
            throw new IllegalArgumentException("interval dimension must be >= 0, was " + dimension);
        }
        if (!Float.isFinite(birth)) {
            throw new IllegalArgumentException("interval birth must be finite, was " + birth);
        }
        if (!(death >= birth)) {
            throw new IllegalArgumentException(
                    "interval death must be >= birth " + birth + ", was " + death);
        }
    }

    /** True for a class that never dies (death is +infinity). */
    public boolean isEssential() {
        return death == Float.POSITIVE_INFINITY;
    }

    /**
     * {@code death - birth} (computed in float32, like the values); +infinity for essential
     * classes.
     */
    public float persistence() {
        return death - birth;
    }

    /** True when {@code death > birth} compared in float32 — Ripser prints only such intervals. */
    public boolean hasPositiveLength() {
        return death > birth;
    }
}
