package org.adabet.sweep;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.adabet.activation.LayerBatchStatistics;
import org.adabet.activation.LayerScores;
import org.adabet.selection.PairEvidence;

/**
 * Everything measured about a pair before retraining: its evidence for the selection methods, how
 * long it took, and what failed. The times of the evidence count only passes and scoring on a
 * loaded batch and network, the same for every method; loading is counted apart.
 *
 * @param statisticsMillis host time of AdaBet's statistics tasks without the per-channel part
 * @param channelMillis host time of the per-channel persistence
 * @param gradientMillis host time of the labelled forward + backward pass
 * @param representationMillis host time of the representation change (forward passes and CKAs)
 * @param statisticsError why the statistics are missing (null if present or not asked for)
 * @param gradientError why the gradient statistics are missing (null if present or not asked for)
 * @param statisticsLoadMillis host time the statistics tasks spent loading their batch and network
 *     (all of them: each batch is its own task)
 * @param gradientLoadMillis host time the gradient task spent loading its batch and network
 */
public record PairSelectionInputs(
        PairEvidence evidence,
        double statisticsMillis,
        double channelMillis,
        double gradientMillis,
        double representationMillis,
        String statisticsError,
        String gradientError,
        double statisticsLoadMillis,
        double gradientLoadMillis)
        implements Serializable {

    /** Without loading times. */
    public PairSelectionInputs(
            PairEvidence evidence,
            double statisticsMillis,
            double channelMillis,
            double gradientMillis,
            double representationMillis,
            String statisticsError,
            String gradientError) {
        this(
                evidence,
                statisticsMillis,
                channelMillis,
                gradientMillis,
                representationMillis,
                statisticsError,
                gradientError,
                0,
                0);
    }

    /** Gathers one pair's outcomes; a single failed batch withholds the pair's AdaBet scores. */
    public static PairSelectionInputs of(
            List<StatisticsOutcome> statistics, GradientOutcome gradients) {
        List<LayerBatchStatistics> all = new ArrayList<>();
        String statisticsError = null;
        double millis = 0;
        double channelMillis = 0;
        double representationMillis = 0;
        double loadMillis = 0;
        java.util.Map<String, Double> change = new java.util.LinkedHashMap<>();
        for (StatisticsOutcome s : statistics) {
            representationMillis += s.representationMillis();
            s.representationChange().forEach((layer, v) -> change.merge(layer, v, Double::sum));
            if (!s.succeeded() && statisticsError == null) {
                statisticsError =
                        "statistics of batch " + s.task().batch() + " failed: " + s.error();
            }
            all.addAll(s.layers());
            millis += s.millis() - s.channelMillis() - s.representationMillis();
            channelMillis += s.channelMillis();
            loadMillis += s.loadMillis();
        }
        boolean scored = statisticsError == null && !statistics.isEmpty();
        String gradientError =
                gradients != null && !gradients.succeeded()
                        ? "gradient statistics failed: " + gradients.error()
                        : null;
        PairEvidence evidence =
                new PairEvidence(
                        scored ? LayerScores.allVariants(all) : java.util.Map.of(),
                        scored ? LayerScores.channels(all) : java.util.Map.of(),
                        gradients != null && gradients.succeeded() ? gradients.layers() : List.of(),
                        // The mean over batches; withheld with the AdaBet scores when a batch
                        // failed.
                        scored ? mean(change, statistics.size()) : java.util.Map.of());
        return new PairSelectionInputs(
                evidence,
                millis,
                channelMillis,
                gradients == null ? 0 : gradients.millis(),
                representationMillis,
                statisticsError,
                gradientError,
                loadMillis,
                gradients == null ? 0 : gradients.loadMillis());
    }

    private static java.util.Map<String, Double> mean(
            java.util.Map<String, Double> sums, int batches) {
        java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
        sums.forEach((layer, v) -> out.put(layer, v / batches));
        return out;
    }
}
