package org.adabet.sweep;

import java.io.Serializable;
import java.util.List;
import org.adabet.model.GradientStatistics;

/**
 * The gradient statistics of a pair from one labelled batch (the first batch of its target training
 * split), or the error that stopped them.
 *
 * @param millis host time of the forward and backward pass
 */
public record GradientOutcome(
        Pair pair, List<GradientStatistics> layers, double millis, String error)
        implements Serializable {

    public GradientOutcome {
        layers = List.copyOf(layers);
    }

    public boolean succeeded() {
        return error == null;
    }
}
