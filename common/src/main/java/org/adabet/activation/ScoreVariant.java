package org.adabet.activation;

import java.util.function.ToDoubleFunction;

/**
 * The per-batch layer scores AdaBet can rank by; the layer score is the sum over batches. The
 * reference normalises beta1 by n * D, which may make the ranking follow layer size more than
 * topology: the others are there to measure that.
 */
public enum ScoreVariant {
    /** beta1 / (n * D): the reference. */
    REFERENCE("reference", LayerBatchStatistics::referenceScore),
    /** beta1, unnormalised. */
    BETA1("beta1", s -> s.beta1()),
    /** beta0: intervals of H0 with death > birth. */
    BETA0("beta0", s -> s.beta0()),
    /** Sum of finite H1 interval lengths. */
    TOTAL_PERSISTENCE1("total_persistence1", LayerBatchStatistics::totalPersistence1),
    /** H1 intervals longer than the configured fraction of the longest H0 interval. */
    BETA1_ABOVE("beta1_above", s -> s.beta1Above());

    private final String key;
    private final ToDoubleFunction<LayerBatchStatistics> perBatch;

    ScoreVariant(String key, ToDoubleFunction<LayerBatchStatistics> perBatch) {
        this.key = key;
        this.perBatch = perBatch;
    }

    /** The name used in method names ({@code adabet:beta1}) and tables. */
    public String key() {
        return key;
    }

    public double of(LayerBatchStatistics statistics) {
        return perBatch.applyAsDouble(statistics);
    }

    /** The variant with this key, or null. */
    public static ScoreVariant fromKey(String key) {
        for (ScoreVariant v : values()) {
            if (v.key.equals(key)) {
                return v;
            }
        }
        return null;
    }
}
