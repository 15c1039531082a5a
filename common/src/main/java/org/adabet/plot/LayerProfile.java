package org.adabet.plot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One pair's per-layer evidence: each scoring method's score of every candidate layer, the oracle's
 * accuracy gain of retraining that layer alone, and what each method selected.
 *
 * @param pair {@code <architecture>/<target>}
 * @param layers candidate layer names by layer index
 * @param scores method -> score per layer index (same length as layers), in legend order
 * @param oracleGain percentage points per layer index (NaN where the oracle run failed); null or
 *     empty when the oracle did not run
 * @param selected method -> layer indices it selected at {@code selectedBudget}
 * @param selectedBudget the budget whose selections are marked, e.g. {@code rho=0.3}
 */
public record LayerProfile(
        String pair,
        List<String> layers,
        Map<String, double[]> scores,
        double[] oracleGain,
        Map<String, Set<Integer>> selected,
        String selectedBudget) {
    public LayerProfile {
        layers = List.copyOf(layers);
        scores = new LinkedHashMap<>(scores);
        selected = new LinkedHashMap<>(selected);
        for (Map.Entry<String, double[]> e : scores.entrySet()) {
            if (e.getValue().length != layers.size()) {
                throw new IllegalArgumentException(
                        "pair "
                                + pair
                                + ": method "
                                + e.getKey()
                                + " scores "
                                + e.getValue().length
                                + " layers, the pair has "
                                + layers.size());
            }
        }
        if (oracleGain != null && oracleGain.length != 0 && oracleGain.length != layers.size()) {
            throw new IllegalArgumentException(
                    "pair "
                            + pair
                            + ": oracle gains for "
                            + oracleGain.length
                            + " layers, the pair has "
                            + layers.size());
        }
    }

    /** Whether there is an oracle panel to draw. */
    public boolean hasOracle() {
        return oracleGain != null && oracleGain.length > 0;
    }
}
