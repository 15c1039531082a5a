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
 * @param representationChange 1 - linear CKA of each layer with the candidate before it, mean over
 *     the statistics batches (empty if not computed)
 */
public record PairEvidence(
        Map<String, Map<String, Double>> layerScores,
        Map<String, double[]> channelScores,
        List<GradientStatistics> gradients,
        Map<String, Double> representationChange)
        implements Serializable {

    public PairEvidence {
        layerScores = Map.copyOf(layerScores);
        channelScores = Map.copyOf(channelScores);
        gradients = List.copyOf(gradients);
        representationChange = Map.copyOf(representationChange);
    }

    /** Without representation statistics. */
    public PairEvidence(
            Map<String, Map<String, Double>> layerScores,
            Map<String, double[]> channelScores,
            List<GradientStatistics> gradients) {
        this(layerScores, channelScores, gradients, Map.of());
    }

    public static final PairEvidence NONE = new PairEvidence(Map.of(), Map.of(), List.of());
}
