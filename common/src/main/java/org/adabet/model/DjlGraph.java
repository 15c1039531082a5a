package org.adabet.model;

import ai.djl.ndarray.NDArray;
import java.util.Map;
import java.util.Set;

/**
 * Runs a {@link Module} tree on DJL, calling a visitor at every candidate layer. DJL has no forward
 * hooks; walking the tree ourselves gives every layer's output in one pass with the residual
 * additions where torchvision has them.
 */
final class DjlGraph {
    /** Sees (and may replace, e.g. by a gradient probe) each candidate layer's output. */
    interface Visitor {
        NDArray visit(LayerSpec layer, NDArray input, NDArray output);
    }

    private final Map<String, Map<String, NDArray>> parameters;

    /**
     * @param parameters per candidate layer name: its tensors by local name
     */
    DjlGraph(Map<String, Map<String, NDArray>> parameters) {
        this.parameters = parameters;
    }

    /**
     * @param trainingLayers the layers that run in training mode (frozen BatchNorm layers never do,
     *     so their statistics do not move)
     * @param visitor null for none
     */
    NDArray forward(Module m, NDArray x, Set<String> trainingLayers, Visitor visitor) {
        if (m instanceof LayerSpec l) {
            if (!l.kind().hasWeights()) {
                return DjlOps.apply(l, x, Map.of(), false);
            }
            NDArray y =
                    DjlOps.apply(l, x, parameters.get(l.name()), trainingLayers.contains(l.name()));
            return visitor == null ? y : visitor.visit(l, x, y);
        }
        if (m instanceof Sequence s) {
            for (Module child : s.children()) {
                x = forward(child, x, trainingLayers, visitor);
            }
            return x;
        }
        Residual r = (Residual) m;
        NDArray main = forward(r.main(), x, trainingLayers, visitor);
        NDArray shortcut =
                r.shortcut() == null ? x : forward(r.shortcut(), x, trainingLayers, visitor);
        NDArray sum = main.add(shortcut);
        return r.reluAfter() ? DjlOps.apply(LayerSpec.relu(), sum, Map.of(), false) : sum;
    }
}
