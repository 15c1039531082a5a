package org.adabet.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A candidate layer's metadata with its output shape, for tools that print a model summary.
 *
 * @param outputShape the layer's output for one sample, batch axis dropped (e.g. [64, 56, 56])
 */
public record LayerDescription(LayerInfo layer, long[] outputShape) implements Serializable {
    public LayerDescription {
        outputShape = outputShape.clone();
    }

    @Override
    public long[] outputShape() {
        return outputShape.clone();
    }

    /**
     * Builds {@code architecture} (seeded weights; one zero image walks through it) and describes
     * its layers.
     */
    public static List<LayerDescription> of(Architecture architecture) {
        try (DjlNetwork net = new DjlNetwork(architecture, 0)) {
            List<LayerInfo> layers = net.layers();
            List<long[]> shapes = net.outputShapes();
            List<LayerDescription> out = new ArrayList<>();
            for (int i = 0; i < layers.size(); i++) {
                out.add(new LayerDescription(layers.get(i), shapes.get(i)));
            }
            return out;
        }
    }
}
