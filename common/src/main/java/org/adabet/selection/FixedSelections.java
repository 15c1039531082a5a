package org.adabet.selection;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.adabet.model.LayerInfo;
import org.adabet.model.TrainableSpec;

/**
 * The baselines that look at nothing: full fine-tuning, the last layer, normalisation + biases
 * (ElasticTrainer) and biases only (TinyTL), the last two with the whole classifier head.
 */
public final class FixedSelections {
    private FixedSelections() {}

    /** Every candidate layer. */
    public static SelectionMethod full() {
        return fixed(
                "full",
                c -> TrainableSpec.layers(c.layers().stream().map(LayerInfo::name).toList()));
    }

    /** The classifier head only (a linear probe of the frozen features). */
    public static SelectionMethod lastLayer() {
        return fixed(
                "last_layer",
                c ->
                        TrainableSpec.layers(
                                c.layers().stream()
                                        .filter(LayerInfo::head)
                                        .map(LayerInfo::name)
                                        .toList()));
    }

    /**
     * ElasticTrainer's {@code bn_plus_bias} baseline (Huang, Yang and Gao, MobiSys 2023): every
     * normalisation layer's scale and shift (BatchNorm, and LayerNorm in transformers), the bias of
     * every other layer, and the whole classifier head (a new head must learn its readout).
     */
    public static SelectionMethod bnBias() {
        return fixed(
                "bn_bias",
                c -> {
                    Set<String> whole = names(c, l -> l.type().endsWith("_norm") || l.head());
                    return new TrainableSpec(whole, biasesOutside(c, whole), Map.of());
                });
    }

    /**
     * TinyTL's bias-only update (Cai, Gan, Zhu and Han, "TinyTL: Reduce Memory, Not Parameters for
     * Efficient On-Device Learning", NeurIPS 2020, TinyTL-B): the bias of every layer (a
     * normalisation layer's shift), and the whole classifier head. TinyTL's lite residual modules
     * are not built, so this is TinyTL-B without them.
     */
    public static SelectionMethod tinytlBias() {
        return fixed(
                "tinytl_bias",
                c -> {
                    Set<String> whole = names(c, LayerInfo::head);
                    return new TrainableSpec(whole, biasesOutside(c, whole), Map.of());
                });
    }

    /** Layers outside {@code whole} that have a bias. */
    private static Set<String> biasesOutside(SelectionContext c, Set<String> whole) {
        return names(c, l -> !whole.contains(l.name()) && l.biasParameters() > 0);
    }

    private static Set<String> names(
            SelectionContext c, java.util.function.Predicate<LayerInfo> which) {
        return c.layers().stream().filter(which).map(LayerInfo::name).collect(Collectors.toSet());
    }

    private static SelectionMethod fixed(
            String name, Function<SelectionContext, TrainableSpec> choice) {
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
