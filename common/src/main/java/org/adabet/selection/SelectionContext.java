package org.adabet.selection;

import java.util.List;
import java.util.Map;
import org.adabet.model.LayerInfo;

/**
 * What a selection method may look at for one pair.
 *
 * @param layers candidate layers in forward order (the head last)
 * @param scores AdaBet layer scores by layer name (empty if statistics were not computed)
 * @param rho the layer budget fraction
 * @param seed seed of this selection (derived from the run seed and the selection's key)
 */
public record SelectionContext(List<LayerInfo> layers, Map<String, Double> scores, double rho, long seed) {
    public SelectionContext {
        layers = List.copyOf(layers);
        scores = Map.copyOf(scores);
    }
}
