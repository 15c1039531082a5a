package org.adabet.selection;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.adabet.model.LayerInfo;
import org.adabet.model.TrainableSpec;

/**
 * A method that scores every layer and trains the best ones under the budget: the top floor(rho *
 * L) (equal scores to the earlier layer), or the best set under a memory budget ({@link
 * LayerKnapsack}). Its scores are also what the oracle agreement compares.
 */
public abstract class ScoringMethod implements SelectionMethod {

    /** Score per layer name; higher means more worth training. */
    public abstract Map<String, Double> scores(SelectionContext context);

    @Override
    public boolean usesBudget() {
        return true;
    }

    @Override
    public TrainableSpec select(SelectionContext context) {
        return TrainableSpec.layers(chooseLayers(context, scores(context)));
    }

    /** Whole layers for these scores under the context's budget, in forward order. */
    protected static List<String> chooseLayers(
            SelectionContext context, Map<String, Double> scores) {
        for (LayerInfo layer : context.layers()) {
            if (!scores.containsKey(layer.name())) {
                throw new IllegalArgumentException("no score for layer '" + layer.name() + "'");
            }
        }
        Budget budget = context.budget();
        if (budget.memoryBytes() != null) {
            return LayerKnapsack.underMemory(
                    context.layers(), scores, context.memory(), budget.memoryBytes());
        }
        return topFraction(context.layers(), scores, budget.rho());
    }

    /**
     * The floor(rho * L) highest-scoring layers, equal scores to the earlier layer, in forward
     * order.
     */
    public static List<String> topFraction(
            List<LayerInfo> layers, Map<String, Double> scores, double rho) {
        int k = LayerBudget.layers(rho, layers.size());
        return LayerRanking.order(layers, scores).stream()
                .limit(k)
                .sorted(Comparator.comparingInt(LayerInfo::index))
                .map(LayerInfo::name)
                .toList();
    }
}
