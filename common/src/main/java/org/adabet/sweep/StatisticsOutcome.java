package org.adabet.sweep;

import java.io.Serializable;
import java.util.List;
import org.adabet.activation.LayerBatchStatistics;

/**
 * The layer statistics of one batch, or the error that stopped them.
 *
 * @param millis host time of the whole task (forward pass and persistence of every layer and
 *     channel)
 */
public record StatisticsOutcome(
        StatisticsTask task, List<LayerBatchStatistics> layers, double millis, String error)
        implements Serializable {

    public StatisticsOutcome {
        layers = List.copyOf(layers);
    }

    public boolean succeeded() {
        return error == null;
    }

    /** Host time spent on per-channel persistence (part of {@link #millis()}). */
    public double channelMillis() {
        return layers.stream().mapToDouble(LayerBatchStatistics::channelMillis).sum();
    }
}
