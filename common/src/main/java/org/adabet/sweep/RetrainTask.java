package org.adabet.sweep;

import java.io.Serializable;
import java.util.List;

/**
 * One retraining run: a pair, a selection method's choice of layers at a budget, and a seed.
 *
 * @param rho the budget fraction, or null for methods that take no budget
 * @param layers the layers to train, in forward order
 * @param selectionMillis host time the method spent choosing (AdaBet: forward passes + persistence)
 */
public record RetrainTask(Pair pair, String method, Double rho, long seed, List<String> layers,
        double selectionMillis) implements Serializable {

    public RetrainTask {
        layers = List.copyOf(layers);
    }

    /** A stable key, used to derive this run's seeds. */
    public String key() {
        return pair.key() + "|" + method + "|" + (rho == null ? "-" : rho) + "|" + seed;
    }
}
