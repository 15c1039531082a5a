package org.adabet.selection;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.adabet.model.GradientStatistics;

/**
 * What the data told us about a pair's layers before any retraining.
 *
 * @param layerScores AdaBet layer scores by score variant, then by layer (empty without statistics)
 * @param channelScores beta1 of each output channel's activations summed over batches, by layer
 * @param gradients gradient statistics from one labelled batch (empty if not computed)
 */
public record PairEvidence(
        Map<String, Map<String, Double>> layerScores,
        Map<String, double[]> channelScores,
        List<GradientStatistics> gradients)
        implements Serializable {

    public PairEvidence {
        layerScores = Map.copyOf(layerScores);
        channelScores = Map.copyOf(channelScores);
        gradients = List.copyOf(gradients);
    }

    public static final PairEvidence NONE = new PairEvidence(Map.of(), Map.of(), List.of());
}
