package org.adabet.selection;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.adabet.model.LayerInfo;

/**
 * The control: every layer gets a uniform random score from the selection's seed, so the top
 * floor(rho * L) is a uniform random set of that size, and a memory budget gets a random set that
 * fits.
 */
public final class RandomSelection extends ScoringMethod {
    @Override
    public String name() {
        return "random";
    }

    @Override
    public boolean drawn() {
        return true;
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
        SplittableRandom rng = new SplittableRandom(context.seed());
        Map<String, Double> scores = new LinkedHashMap<>();
        for (LayerInfo l : context.layers()) {
            scores.put(l.name(), rng.nextDouble());
        }
        return scores;
    }
}
