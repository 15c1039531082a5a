package org.adabet.activation;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Layer and channel scores from the per-batch statistics: sums over batches, in batch order. */
public final class LayerScores {
    private LayerScores() {}

    /** AdaBet's reference layer score: beta1 / (n * D) summed over the batches. */
    public static Map<String, Double> reference(Collection<LayerBatchStatistics> statistics) {
        return of(statistics, ScoreVariant.REFERENCE);
    }

    /**
     * One variant's score per layer name, summed over batches in batch order (so independent of
     * task order).
     */
    public static Map<String, Double> of(
            Collection<LayerBatchStatistics> statistics, ScoreVariant variant) {
        Map<String, Double> sums = new TreeMap<>();
        inBatchOrder(statistics).forEach(s -> sums.merge(s.layer(), variant.of(s), Double::sum));
        return sums;
    }

    /** Every variant's scores, by variant key. */
    public static Map<String, Map<String, Double>> allVariants(
            Collection<LayerBatchStatistics> statistics) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (ScoreVariant v : ScoreVariant.values()) {
            out.put(v.key(), of(statistics, v));
        }
        return out;
    }

    /**
     * Per layer, each output channel's beta1 summed over batches (layers without channel statistics
     * are absent).
     */
    public static Map<String, double[]> channels(Collection<LayerBatchStatistics> statistics) {
        Map<String, double[]> out = new TreeMap<>();
        for (LayerBatchStatistics s : inBatchOrder(statistics)) {
            if (s.channelBeta1() == null) {
                continue;
            }
            double[] sum = out.computeIfAbsent(s.layer(), k -> new double[s.channelBeta1().length]);
            for (int c = 0; c < sum.length; c++) {
                sum[c] += s.channelBeta1()[c];
            }
        }
        return out;
    }

    private static List<LayerBatchStatistics> inBatchOrder(
            Collection<LayerBatchStatistics> statistics) {
        return statistics.stream()
                .sorted(
                        Comparator.comparingInt(LayerBatchStatistics::batch)
                                .thenComparingInt(LayerBatchStatistics::layerIndex))
                .toList();
    }
}
