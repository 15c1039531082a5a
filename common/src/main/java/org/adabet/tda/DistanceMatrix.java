package org.adabet.tda;

/**
 * A symmetric matrix of pairwise distances with zero diagonal, values held as 32-bit floats like
 * Ripser's, so that which filtration values tie (and hence which intervals have zero length) is
 * decided at the same precision as in the reference implementation.
 */
public interface DistanceMatrix {

    /** Number of points. */
    int size();

    /** Distance between points {@code i} and {@code j}; 0 when {@code i == j}. */
    float distance(int i, int j);
}
