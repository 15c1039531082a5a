package org.adabet.activation;

import java.io.Serializable;

/**
 * What the statistics pass computes besides the reference beta1.
 *
 * @param maxDimension highest homology dimension (at least 1)
 * @param persistenceThreshold beta1Above counts H1 intervals longer than this fraction of the
 *     layer's longest finite H0 interval (the longest edge of the minimum spanning tree), which
 *     makes the threshold independent of the activations' scale
 * @param channels whether to compute each output channel's beta1 (for channel selection)
 */
public record StatisticsOptions(int maxDimension, double persistenceThreshold, boolean channels)
        implements Serializable {

    public StatisticsOptions {
        if (maxDimension < 1 || maxDimension > 2) {
            throw new IllegalArgumentException(
                    "statistics max dimension must be in [1, 2], was " + maxDimension);
        }
        if (!(persistenceThreshold >= 0) || Double.isInfinite(persistenceThreshold)) {
            throw new IllegalArgumentException(
                    "persistence threshold must be a finite number >= 0, was "
                            + persistenceThreshold);
        }
    }
}
