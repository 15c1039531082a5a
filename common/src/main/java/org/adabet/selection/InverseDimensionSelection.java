package org.adabet.selection;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.adabet.model.LayerInfo;

/**
 * A control: each layer scores 1 / D, D its output elements per sample (the normaliser of AdaBet's
 * reference score beta1 / (n * D)). It ranks the smallest outputs first, with no data at all; the
 * closer AdaBet's ranking is to this one, the more of it is layer size rather than topology.
 */
public final class InverseDimensionSelection extends ScoringMethod {
    @Override
    public String name() {
        return "inverse_dimension";
    }

    @Override
    public Set<Evidence> requires() {
        return Set.of();
    }

    @Override
    public SelectionCost cost(int statisticsBatches) {
        return SelectionCost.NOTHING;
    }

    @Override
    public Map<String, Double> scores(SelectionContext context) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (LayerInfo l : context.layers()) {
            scores.put(l.name(), 1.0 / l.outputElements());
        }
        return scores;
    }
}
