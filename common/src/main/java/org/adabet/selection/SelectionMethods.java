package org.adabet.selection;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.adabet.activation.ScoreVariant;
import org.adabet.model.LayerInfo;
import org.adabet.model.TrainableSpec;

/**
 * The registry of selection methods, and the classifier-head rule applied on top of any of them.
 */
public final class SelectionMethods {
    private static final Map<String, SelectionMethod> METHODS = new LinkedHashMap<>();

    static {
        for (ScoreVariant v : ScoreVariant.values()) {
            register(new AdabetSelection(v));
        }
        register(new AdabetChannelSelection());
        register(FixedSelections.full());
        register(FixedSelections.lastLayer());
        register(FixedSelections.bnBias());
        register(FixedSelections.tinytlBias());
        register(GradientSelection.fisher());
        register(GradientSelection.rgn());
        register(new ElasticSelection());
        register(new RandomSelection());
        register(new InverseDimensionSelection());
        register(new RepresentationChangeSelection());
        register(new BatchNormStatisticsSelection());
    }

    private SelectionMethods() {}

    private static void register(SelectionMethod m) {
        METHODS.put(m.name(), m);
    }

    /** Names accepted by {@link #get}. */
    public static List<String> names() {
        return List.copyOf(METHODS.keySet());
    }

    /**
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static SelectionMethod get(String name) {
        SelectionMethod m = METHODS.get(name);
        if (m == null) {
            throw new IllegalArgumentException(
                    "unknown selection method '" + name + "'; known: " + names());
        }
        return m;
    }

    /**
     * How a run named {@code method} changes the network: the method's {@link
     * SelectionMethod#retraining()}; gradient steps for runs that are no method's (the oracle's
     * one-layer runs).
     */
    public static Retraining retraining(String method) {
        SelectionMethod m = METHODS.get(method);
        return m == null ? Retraining.GRADIENT_STEPS : m.retraining();
    }

    /** Whether the head rule applies to this method: only budgeted methods get the head added. */
    public static boolean forcesHead(SelectionMethod method, boolean forceHead) {
        return forceHead && method.usesBudget();
    }

    /**
     * Runs a method and, when {@code forceHead} is set and the method takes a budget, adds the
     * whole classifier head to its choice (the reference does not; it is a stated option).
     */
    public static TrainableSpec select(
            SelectionMethod method, SelectionContext context, boolean forceHead) {
        TrainableSpec chosen = method.select(context);
        if (!forcesHead(method, forceHead)) {
            return chosen;
        }
        Set<String> layers = new HashSet<>(chosen.layers());
        context.layers().stream().filter(LayerInfo::head).forEach(h -> layers.add(h.name()));
        Set<String> biasOnly = new HashSet<>(chosen.biasOnly());
        biasOnly.removeAll(layers);
        return new TrainableSpec(layers, biasOnly, chosen.channelMasks());
    }
}
