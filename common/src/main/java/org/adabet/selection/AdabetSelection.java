package org.adabet.selection;

import java.util.Map;
import java.util.Set;
import org.adabet.activation.ScoreVariant;

/**
 * AdaBet (Tenison, Chatterjee, Kawsar, Malekzadeh, "AdaBet: Gradient-free Layer Selection for
 * Efficient Training of Deep Neural Networks", arXiv 2510.03101): layers ranked by a Betti score
 * summed over k unlabeled batches; the reference score is beta1 / (n * D). Other variants exist for
 * ablations and are named {@code adabet:<variant>}.
 */
public final class AdabetSelection extends ScoringMethod {
    private final ScoreVariant variant;

    public AdabetSelection(ScoreVariant variant) {
        this.variant = variant;
    }

    @Override
    public String name() {
        return variant == ScoreVariant.REFERENCE ? "adabet" : "adabet:" + variant.key();
    }

    @Override
    public Set<Evidence> requires() {
        return Set.of(Evidence.LAYER_STATISTICS);
    }

    @Override
    public SelectionCost cost(int statisticsBatches) {
        return new SelectionCost(false, statisticsBatches, 0);
    }

    @Override
    public Map<String, Double> scores(SelectionContext context) {
        Map<String, Double> s = context.evidence().layerScores().get(variant.key());
        if (s == null) {
            throw new IllegalArgumentException(name() + ": no layer statistics for this pair");
        }
        return s;
    }
}
