package org.adabet.tda;

/**
 * What to compute: homology dimensions {@code 0..maxDimension} of the Vietoris–Rips filtration up
 * to diameter {@code threshold}.
 *
 * @param maxDimension highest homology dimension, in [0, 2]
 * @param threshold largest simplex diameter included; {@code +infinity} means "use the enclosing
 *     radius", which gives the same barcode as no threshold at all, because the complex at the
 *     enclosing radius is a cone and thus contractible
 */
public record RipsOptions(int maxDimension, float threshold) {

    /** The highest dimension this engine supports. */
    public static final int MAX_SUPPORTED_DIMENSION = 2;

    /** Validates the dimension range and a positive, non-NaN threshold. */
    public RipsOptions {
        if (maxDimension < 0 || maxDimension > MAX_SUPPORTED_DIMENSION) {
            throw new IllegalArgumentException(
                    "tda.maxDim must be in [0, "
                            + MAX_SUPPORTED_DIMENSION
                            + "], was "
                            + maxDimension);
        }
        if (!(threshold >= 0f)) {
            throw new IllegalArgumentException(
                    "tda.threshold must be >= 0 or +infinity, was " + threshold);
        }
    }

    /** Dimensions {@code 0..d}, no user threshold (enclosing radius). */
    public static RipsOptions upToDimension(int d) {
        return new RipsOptions(d, Float.POSITIVE_INFINITY);
    }

    /** True when no user threshold was given. */
    public boolean usesEnclosingRadius() {
        return threshold == Float.POSITIVE_INFINITY;
    }

    /** Same dimension, explicit threshold. */
    public RipsOptions withThreshold(float t) {
        return new RipsOptions(maxDimension, t);
    }
}
