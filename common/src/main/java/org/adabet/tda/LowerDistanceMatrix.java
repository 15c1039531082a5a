package org.adabet.tda;

/**
 * A distance matrix stored as its strict lower triangle, row by row: {@code d(1,0), d(2,0), d(2,1),
 * d(3,0), ...} — the layout of Ripser's {@code lower-distance} format, so files and arrays map one
 * to one.
 */
public final class LowerDistanceMatrix implements DistanceMatrix {

    /** Largest n whose n x n rank table still fits a Java array. */
    public static final int MAX_POINTS = 46_340;

    private final int size;
    private final float[] lower;

    private LowerDistanceMatrix(int size, float[] lower) {
        this.size = size;
        this.lower = lower;
    }

    /**
     * Wraps a strict lower triangle of {@code size * (size - 1) / 2} values (not copied).
     *
     * @throws IllegalArgumentException on a wrong length or a negative, NaN or infinite value,
     *     naming the row and column
     */
    public static LowerDistanceMatrix of(int size, float[] lower) {
        if (size < 1 || size > MAX_POINTS) {
            throw new IllegalArgumentException(
                    "distance matrix size must be in [1, " + MAX_POINTS + "], was " + size);
        }
        long expected = (long) size * (size - 1) / 2;
        if (lower.length != expected) {
            throw new IllegalArgumentException(
                    "lower triangle of "
                            + size
                            + " points needs "
                            + expected
                            + " values, got "
                            + lower.length);
        }
        int k = 0;
        for (int i = 1; i < size; i++) {
            for (int j = 0; j < i; j++, k++) {
                float d = lower[k];
                if (!(d >= 0f) || d == Float.POSITIVE_INFINITY) {
                    throw new IllegalArgumentException(
                            "distance at row "
                                    + i
                                    + ", column "
                                    + j
                                    + " must be finite and >= 0, was "
                                    + d);
                }
                // -0.0 would sort after every positive float by its bit pattern.
                lower[k] = d + 0f;
            }
        }
        return new LowerDistanceMatrix(size, lower);
    }

    /** Copies any distance matrix into this layout. */
    public static LowerDistanceMatrix copyOf(DistanceMatrix d) {
        if (d instanceof LowerDistanceMatrix l) {
            return l;
        }
        int n = d.size();
        float[] lower = new float[(int) ((long) n * (n - 1) / 2)];
        int k = 0;
        for (int i = 1; i < n; i++) {
            for (int j = 0; j < i; j++) {
                lower[k++] = d.distance(i, j);
            }
        }
        return of(n, lower);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public float distance(int i, int j) {
        if (i == j) {
            return 0f;
        }
        return i > j
                ? lower[(int) ((long) i * (i - 1) / 2) + j]
                : lower[(int) ((long) j * (j - 1) / 2) + i];
    }

    /** The backing strict lower triangle (not a copy). */
    float[] lowerTriangle() {
        return lower;
    }
}
