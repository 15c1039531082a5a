package org.adabet.tda;

import java.util.Arrays;

/**
 * A finite set of {@code size} points in {@code dimension}-dimensional Euclidean space, stored
 * row-major as 32-bit floats (one row per point), the layout activations arrive in.
 *
 * <p>Every coordinate must be finite; a NaN or infinity is rejected with a message naming its row
 * and column, because a single bad activation would otherwise silently poison every distance of its
 * point. The distance computations check it ({@link #requireFinite}): {@link EuclideanDistances#of}
 * reads it off the squared norms its first Gram pass computes anyway (a non-finite coordinate makes
 * its row's norm non-finite), where a separate check would be one more pass over up to 10^8 values
 * in memory. A cloud may hold a single point; persistence itself needs at least two.
 *
 * @param size number of points, at least 1
 * @param dimension number of coordinates per point, at least 1
 * @param coordinates {@code size * dimension} values, point {@code i} at {@code [i*dimension,
 *     (i+1)*dimension)}
 */
public record PointCloud(int size, int dimension, float[] coordinates) {

    /**
     * Validates the shape (finiteness is checked where distances are computed, see above); the
     * array is used as given, not copied (activations are large).
     */
    public PointCloud {
        if (size < 1) {
            throw new IllegalArgumentException("point cloud size must be >= 1, was " + size);
        }
        if (dimension < 1) {
            throw new IllegalArgumentException(
                    "point cloud dimension must be >= 1, was " + dimension);
        }
        if (coordinates == null) {
            throw new IllegalArgumentException("point cloud coordinates must not be null");
        }
        if ((long) size * dimension != coordinates.length) {
            throw new IllegalArgumentException(
                    "point cloud of "
                            + size
                            + " x "
                            + dimension
                            + " needs "
                            + (long) size * dimension
                            + " coordinates, got "
                            + coordinates.length);
        }
    }

    /**
     * Throws, naming the row, column and value of the first non-finite coordinate, if there is one.
     */
    public void requireFinite() {
        requireFinite(0, size);
    }

    /** As {@link #requireFinite()} for rows {@code from..to-1}. */
    void requireFinite(int from, int to) {
        for (int k = from * dimension; k < to * dimension; k++) {
            if (!Float.isFinite(coordinates[k])) {
                throw new IllegalArgumentException(
                        "point cloud coordinate at row "
                                + (k / dimension)
                                + ", column "
                                + (k % dimension)
                                + " is not finite: "
                                + coordinates[k]);
            }
        }
    }

    /** Builds a cloud from rows of equal length (a convenience for tests and small inputs). */
    public static PointCloud ofRows(float[][] rows) {
        if (rows == null || rows.length == 0) {
            throw new IllegalArgumentException("point cloud needs at least one row");
        }
        int d = rows[0].length;
        float[] flat = new float[Math.multiplyExact(rows.length, d)];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != d) {
                throw new IllegalArgumentException(
                        "point cloud row "
                                + i
                                + " has "
                                + rows[i].length
                                + " values, row 0 has "
                                + d);
            }
            System.arraycopy(rows[i], 0, flat, i * d, d);
        }
        return new PointCloud(rows.length, d, flat);
    }

    /** Coordinate {@code column} of point {@code row}. */
    public float coordinate(int row, int column) {
        return coordinates[row * dimension + column];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PointCloud p
                && p.size == size
                && p.dimension == dimension
                && Arrays.equals(p.coordinates, coordinates);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * size + dimension) + Arrays.hashCode(coordinates);
    }

    @Override
    public String toString() {
        return "PointCloud[size=" + size + ", dimension=" + dimension + "]";
    }
}
