package org.adabet.selection;

import java.util.Set;
import org.adabet.model.TrainableSpec;

/**
 * {@code bn_stats}, a label-free control: no weight trains; every BatchNorm layer's running
 * statistics are re-estimated on the target's unlabelled training images (AdaBN: Li, Wang, Shi, Liu
 * and Hou, "Revisiting Batch Normalization For Practical Domain Adaptation", ICLR Workshops 2017),
 * then the network is evaluated. It shows how much of a domain shift the normalisation statistics
 * alone absorb; a new head stays as initialised, so it is meaningful on targets that keep the
 * source's classes.
 */
public final class BatchNormStatisticsSelection implements SelectionMethod {
    @Override
    public String name() {
        return "bn_stats";
    }

    @Override
    public boolean usesBudget() {
        return false;
    }

    /** Nothing is read before choosing; the adaptation pass is the run itself. */
    @Override
    public Set<Evidence> requires() {
        return Set.of();
    }

    @Override
    public SelectionCost cost(int statisticsBatches) {
        return SelectionCost.NOTHING;
    }

    @Override
    public Retraining retraining() {
        return Retraining.BATCH_NORM_STATISTICS;
    }

    /**
     * Nothing trains.
     *
     * @throws IllegalArgumentException when the network has no BatchNorm layer (the run is recorded
     *     as failed, with this reason)
     */
    @Override
    public TrainableSpec select(SelectionContext context) {
        if (context.layers().stream().noneMatch(l -> l.type().equals("batch_norm"))) {
            throw new IllegalArgumentException(
                    "bn_stats: the network has no BatchNorm layer to adapt");
        }
        return TrainableSpec.layers(java.util.List.of());
    }
}
