package org.adabet.selection;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.adabet.model.LayerInfo;

/** The one ranking rule of the project: higher score first, equal scores to the earlier layer. */
public final class LayerRanking {
    private LayerRanking() {}

    /** Layers from best to worst by {@code scores}. */
    public static List<LayerInfo> order(List<LayerInfo> layers, Map<String, Double> scores) {
        return layers.stream()
                .sorted(
                        Comparator.comparingDouble((LayerInfo l) -> -scores.get(l.name()))
                                .thenComparingInt(LayerInfo::index))
                .toList();
    }
}
