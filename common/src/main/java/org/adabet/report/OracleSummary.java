package org.adabet.report;

import java.io.Serializable;
import java.util.List;
import org.adabet.stats.SplitHalf;

/**
 * What one pair's oracle runs say on their own: how reliable their ranking of the layers is across
 * seeds, how many layers lack a run, and which layers gain most.
 *
 * @param pair the pair's key
 * @param layers candidate layers
 * @param seeds retraining seeds planned per layer
 * @param failedLayers layers with at least one failed or missing oracle run
 * @param reliability split-half reliability over the layers that succeeded on every seed
 * @param top the layers with the highest mean gain, best first (at most {@link #TOP})
 */
public record OracleSummary(
        String pair,
        int layers,
        int seeds,
        int failedLayers,
        SplitHalf.Result reliability,
        List<LayerGain> top)
        implements Serializable {
    /** Layers listed in {@link #top}. */
    public static final int TOP = 3;

    public OracleSummary {
        top = List.copyOf(top);
    }

    /** The noise ceiling: the Spearman–Brown corrected split-half reliability. */
    public double noiseCeiling() {
        return reliability.reliability();
    }

    /**
     * A layer's mean accuracy gain over its successful oracle runs (a fraction of the test set).
     */
    public record LayerGain(String layer, double gain) implements Serializable {}
}
