package org.adabet.selection;

import java.util.HashSet;
import java.util.Set;
import org.adabet.model.LayerInfo;
import org.adabet.model.TrainableSpec;

/**
 * A budgeted method with the whole classifier head added to its choice, named {@code
 * <method>+head}: swept beside the method itself ({@code selection.head-forced-variants}) on
 * targets whose head is new, so the two read side by side. Everything but the choice (evidence,
 * cost, draws, retraining) is the method's own.
 */
final class HeadForcedVariant implements SelectionMethod {
    private final SelectionMethod base;

    HeadForcedVariant(SelectionMethod base) {
        if (!base.usesBudget()) {
            throw new IllegalArgumentException(
                    "'"
                            + base.name()
                            + SelectionMethods.HEAD_FORCED_SUFFIX
                            + "': "
                            + base.name()
                            + " takes no budget, so it has no head-forced variant");
        }
        this.base = base;
    }

    /** The choice with the whole head added (a bias-only head becomes whole). */
    static TrainableSpec withHead(TrainableSpec chosen, SelectionContext context) {
        Set<String> layers = new HashSet<>(chosen.layers());
        context.layers().stream().filter(LayerInfo::head).forEach(h -> layers.add(h.name()));
        Set<String> biasOnly = new HashSet<>(chosen.biasOnly());
        biasOnly.removeAll(layers);
        return new TrainableSpec(layers, biasOnly, chosen.channelMasks());
    }

    SelectionMethod base() {
        return base;
    }

    @Override
    public String name() {
        return base.name() + SelectionMethods.HEAD_FORCED_SUFFIX;
    }

    @Override
    public boolean usesBudget() {
        return true;
    }

    @Override
    public Set<Evidence> requires() {
        return base.requires();
    }

    @Override
    public SelectionCost cost(int statisticsBatches) {
        return base.cost(statisticsBatches);
    }

    @Override
    public boolean drawn() {
        return base.drawn();
    }

    @Override
    public Retraining retraining() {
        return base.retraining();
    }

    @Override
    public TrainableSpec select(SelectionContext context) {
        return withHead(base.select(context), context);
    }
}
