package org.adabet.selection;

import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.adabet.model.LayerInfo;
import org.adabet.model.TrainableSpec;

/** The baselines that look at nothing: full fine-tuning, the last layer, BatchNorm + biases (TinyTL). */
public final class FixedSelections {
    private FixedSelections() {}

    /** Every candidate layer. */
    public static SelectionMethod full() {
        return fixed("full", c -> TrainableSpec.layers(c.layers().stream().map(LayerInfo::name).toList()));
    }

    /** The classifier head only (a linear probe of the frozen features). */
    public static SelectionMethod lastLayer() {
        return fixed("last_layer", c -> TrainableSpec.layers(
                c.layers().stream().filter(LayerInfo::head).map(LayerInfo::name).toList()));
    }

    /**
     * TinyTL's BN + bias (Cai et al., NeurIPS 2020): every normalisation layer's scale and shift
     * (BatchNorm, and LayerNorm in transformers) and every other layer's bias; no weight of a
     * convolution, linear or attention layer.
     */
    public static SelectionMethod bnBias() {
        return fixed("bn_bias", c -> {
            Set<String> norms = names(c, l -> l.type().endsWith("_norm"));
            Set<String> biases = names(c, l -> !l.type().endsWith("_norm") && l.biasParameters() > 0);
            return new TrainableSpec(norms, biases, java.util.Map.of());
        });
    }

    private static Set<String> names(SelectionContext c, java.util.function.Predicate<LayerInfo> which) {
        return c.layers().stream().filter(which).map(LayerInfo::name).collect(Collectors.toSet());
    }

    private static SelectionMethod fixed(String name, Function<SelectionContext, TrainableSpec> choice) {
        return new SelectionMethod() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean usesBudget() {
                return false;
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
            public TrainableSpec select(SelectionContext context) {
                return choice.apply(context);
            }
        };
    }
}
