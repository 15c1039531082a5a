package org.adabet.selection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.adabet.model.LayerInfo;

/** The registry of selection methods, and the classifier-head rule applied on top of any of them. */
public final class SelectionMethods {
    private static final Map<String, SelectionMethod> METHODS = new LinkedHashMap<>();

    static {
        for (SelectionMethod m : List.of(new AdabetSelection(), new FullSelection(), new LastLayerSelection(),
                new RandomSelection())) {
            METHODS.put(m.name(), m);
        }
    }

    private SelectionMethods() {}

    /** Names accepted by {@link #get}. */
    public static List<String> names() {
        return List.copyOf(METHODS.keySet());
    }

    /** @throws IllegalArgumentException for an unknown name, listing the known ones */
    public static SelectionMethod get(String name) {
        SelectionMethod m = METHODS.get(name);
        if (m == null) {
            throw new IllegalArgumentException("unknown selection method '" + name + "'; known: " + names());
        }
        return m;
    }

    /**
     * Runs a method and, when {@code forceHead} is set and the method takes a budget, adds the
     * classifier head to its choice (the reference does not; it is a stated option).
     */
    public static List<String> select(SelectionMethod method, SelectionContext context, boolean forceHead) {
        List<String> chosen = new ArrayList<>(method.select(context));
        if (forceHead && method.usesBudget()) {
            context.layers().stream().filter(LayerInfo::head).map(LayerInfo::name)
                    .filter(h -> !chosen.contains(h)).forEach(chosen::add);
        }
        return List.copyOf(chosen);
    }
}
