package org.adabet.sweep;

import java.io.Serializable;
import java.util.List;
import org.adabet.model.GradientStatistics;

/**
 * The gradient statistics of a pair from one labelled batch (the first batch of its target training
 * split), or the error that stopped them.
 *
 * @param millis host time of the forward and backward pass and the per-layer statistics, on the
 *     loaded batch and network
 * @param loadMillis host time of loading the batch and building the network from its weights
 */
public record GradientOutcome(
        Pair pair, List<GradientStatistics> layers, double millis, String error, double loadMillis)
        implements Serializable {

    public GradientOutcome {
        layers = List.copyOf(layers);
    }

    /** Without loading time. */
    public GradientOutcome(
            Pair pair, List<GradientStatistics> layers, double millis, String error) {
        this(pair, layers, millis, error, 0);
    }

    public boolean succeeded() {
        return error == null;
    }
}
