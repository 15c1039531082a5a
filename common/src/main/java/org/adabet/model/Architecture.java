package org.adabet.model;

import java.io.Serializable;
import java.util.List;

/**
 * An engine-independent network description: the ordered steps and the input it expects. The
 * last candidate layer is the classifier head.
 */
public record Architecture(String name, int inputChannels, int imageSize, int numClasses, List<LayerSpec> steps)
        implements Serializable {

    public Architecture {
        steps = List.copyOf(steps);
    }

    /** Steps with trainable weights, in forward order: the layers AdaBet ranks. */
    public List<LayerSpec> candidates() {
        return steps.stream().filter(s -> s.kind().hasWeights()).toList();
    }

    /** The classifier head's layer name. */
    public String headName() {
        List<LayerSpec> c = candidates();
        return c.get(c.size() - 1).name();
    }
}
