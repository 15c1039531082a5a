package org.adabet.selection;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.adabet.model.LayerInfo;
import org.adabet.model.TrainableSpec;

/**
 * ElasticTrainer-style selection (Huang, Yang, Xu, Li, Nguyen, "ElasticTrainer: Speeding Up
 * On-Device Training with Runtime Elastic Tensor Selection", MobiSys 2023), at layer granularity.
 * Importance of a layer = ||dL/dtheta||^2 from one labelled batch: the first-order loss decrease of
 * a gradient step on it. Under rho, a dynamic programme ({@link LayerKnapsack}) maximises the total
 * importance subject to the backward compute staying within rho x that of full fine-tuning, where
 * training a set with earliest layer m costs the input gradients of every layer after m plus the
 * weight gradients of the chosen layers (each about its forward FLOPs). Under a memory budget, the
 * same importance goes through the memory knapsack.
 */
public final class ElasticSelection extends ScoringMethod {

    @Override
    public String name() {
        return "elastic";
    }

    @Override
    public Set<Evidence> requires() {
        return Set.of(Evidence.GRADIENTS);
    }

    @Override
    public SelectionCost cost(int statisticsBatches) {
        return new SelectionCost(true, 1, 1);
    }

    @Override
    public Map<String, Double> scores(SelectionContext context) {
        return GradientSelection.scoresOf(
                context.evidence().gradients(), g -> g.gradientNorm() * g.gradientNorm(), name());
    }

    @Override
    public TrainableSpec select(SelectionContext context) {
        if (context.budget().memoryBytes() != null) {
            return super.select(context);
        }
        List<LayerInfo> layers = context.layers();
        LayerKnapsack.Cost flops =
                new LayerKnapsack.Cost() {
                    @Override
                    public long fixed(int earliest) {
                        return layers.stream()
                                .filter(l -> l.index() > earliest)
                                .mapToLong(LayerInfo::forwardFlops)
                                .sum();
                    }

                    @Override
                    public long item(LayerInfo layer) {
                        return layer.forwardFlops();
                    }
                };
        long full = flops.fixed(0) + layers.stream().mapToLong(LayerInfo::forwardFlops).sum();
        long capacity = (long) Math.floor(context.budget().rho() * full);
        return TrainableSpec.layers(LayerKnapsack.select(layers, scores(context), flops, capacity));
    }
}
