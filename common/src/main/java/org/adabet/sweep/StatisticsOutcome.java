package org.adabet.sweep;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.adabet.activation.LayerBatchStatistics;

/**
 * The layer statistics of one batch, or the error that stopped them.
 *
 * @param millis host time of the work on the loaded batch and network: the forward pass and the
 *     persistence of every layer and channel, representation change included
 * @param loadMillis host time of loading the batch (reading or generating the data split) and
 *     building the network from its weights, apart from {@code millis}
 * @param representationChange per layer, 1 - linear CKA with the candidate before it on this batch
 *     (empty unless representation_change is swept)
 * @param representationMillis host time of the representation change (its forward pass and CKAs)
 */
public record StatisticsOutcome(
        StatisticsTask task,
        List<LayerBatchStatistics> layers,
        double millis,
        String error,
        Map<String, Double> representationChange,
        double representationMillis,
        double loadMillis)
        implements Serializable {

    public StatisticsOutcome {
        layers = List.copyOf(layers);
        representationChange = Map.copyOf(representationChange);
    }

    /** Without representation change or loading time. */
    public StatisticsOutcome(
            StatisticsTask task, List<LayerBatchStatistics> layers, double millis, String error) {
        this(task, layers, millis, error, Map.of(), 0, 0);
    }

    /** Without representation change. */
    public StatisticsOutcome(
            StatisticsTask task,
            List<LayerBatchStatistics> layers,
            double millis,
            String error,
            double loadMillis) {
        this(task, layers, millis, error, Map.of(), 0, loadMillis);
    }

    public boolean succeeded() {
        return error == null;
    }

    /** Host time spent on per-channel persistence (part of {@link #millis()}). */
    public double channelMillis() {
        return layers.stream().mapToDouble(LayerBatchStatistics::channelMillis).sum();
    }
}
