package org.adabet.activation;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/** AdaBet's reference layer score: the per-batch score beta1 / (n * D) summed over the batches. */
public final class LayerScores {
    private LayerScores() {}

    /** Score per layer name, summed over all given batches (a sum, so independent of their order). */
    public static Map<String, Double> reference(Collection<LayerBatchStatistics> statistics) {
        Map<String, Double> sums = new TreeMap<>();
        statistics.stream()
                .sorted(java.util.Comparator.comparingInt(LayerBatchStatistics::batch))
                .forEach(s -> sums.merge(s.layer(), s.referenceScore(), Double::sum));
        return sums;
    }
}
