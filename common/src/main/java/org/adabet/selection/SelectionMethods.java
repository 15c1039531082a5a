package org.adabet.selection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.adabet.activation.ScoreVariant;
import org.adabet.model.TrainableSpec;

/**
 * The registry of selection methods, and the classifier-head rule applied on top of any of them.
 */
public final class SelectionMethods {
    private static final Map<String, SelectionMethod> METHODS = new LinkedHashMap<>();

    /** Appended to a budgeted method's name for its head-forced variant. */
    public static final String HEAD_FORCED_SUFFIX = "+head";

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
     * A registered method, or the head-forced variant {@code <method>+head} of a budgeted one.
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static SelectionMethod get(String name) {
        if (name.endsWith(HEAD_FORCED_SUFFIX)) {
            return new HeadForcedVariant(
                    get(name.substring(0, name.length() - HEAD_FORCED_SUFFIX.length())));
        }
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
        return METHODS.containsKey(baseName(method))
                ? get(method).retraining()
                : Retraining.GRADIENT_STEPS;
    }

    /** The head-forced variant's name of a method. */
    public static String headForcedName(String method) {
        return method + HEAD_FORCED_SUFFIX;
    }

    /** The method a name runs: itself, or what its head-forced variant adds the head to. */
    public static String baseName(String method) {
        return method.endsWith(HEAD_FORCED_SUFFIX)
                ? method.substring(0, method.length() - HEAD_FORCED_SUFFIX.length())
                : method;
    }

    /**
     * Whether the head rule applies to this method: only budgeted methods get the head added (by
     * {@code selection.force-head}), and a head-forced variant always has it.
     */
    public static boolean forcesHead(SelectionMethod method, boolean forceHead) {
        return method instanceof HeadForcedVariant || (forceHead && method.usesBudget());
    }

    /**
     * Runs a method and, when {@code forceHead} is set and the method takes a budget, adds the
     * whole classifier head to its choice (the reference does not; it is a stated option).
     */
    public static TrainableSpec select(
            SelectionMethod method, SelectionContext context, boolean forceHead) {
        TrainableSpec chosen = method.select(context);
        return forcesHead(method, forceHead) ? HeadForcedVariant.withHead(chosen, context) : chosen;
    }
}
