package org.adabet.selection;

import java.util.Comparator;
import java.util.List;
import org.adabet.model.LayerInfo;

/**
 * AdaBet (Tenison, Chatterjee, Kawsar, Malekzadeh, "AdaBet: Gradient-free Layer Selection for
 * Efficient Training of Deep Neural Networks", arXiv 2510.03101): the floor(rho * L) layers with
 * the highest score, score = sum over unlabeled batches of beta1 / (n * D). Equal scores go to the
 * earlier layer.
 */
public final class AdabetSelection implements SelectionMethod {
    @Override
    public String name() {
        return "adabet";
    }

    @Override
    public boolean usesBudget() {
        return true;
    }

    @Override
    public boolean needsLabels() {
        return false;
    }

    @Override
    public List<String> select(SelectionContext context) {
        int k = LayerBudget.layers(context.rho(), context.layers().size());
        for (LayerInfo layer : context.layers()) {
            if (!context.scores().containsKey(layer.name())) {
                throw new IllegalArgumentException("adabet: no score for layer '" + layer.name() + "'");
            }
        }
        return context.layers().stream()
                .sorted(Comparator.comparingDouble((LayerInfo l) -> -context.scores().get(l.name()))
                        .thenComparingInt(LayerInfo::index))
                .limit(k)
                .sorted(Comparator.comparingInt(LayerInfo::index))
                .map(LayerInfo::name)
                .toList();
    }
}
