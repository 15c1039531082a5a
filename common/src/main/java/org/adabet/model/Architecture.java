package org.adabet.model;

import java.io.Serializable;
import java.util.List;

/**
 * An engine-independent network description: its module tree and the input it expects. The
 * last candidate layer is the classifier head. Everything here (candidate layers, parameter
 * counts, tensor names) is known without building the network, so plan-time code needs no
 * engine.
 */
public record Architecture(String name, int inputChannels, int imageSize, int numClasses, Module root)
        implements Serializable {

    public Architecture {
        if (root == null) {
            throw new IllegalArgumentException("architecture " + name + " has no modules");
        }
    }

    /** Leaves with trainable weights, in forward order: the layers AdaBet ranks. */
    public List<LayerSpec> candidates() {
        return ModuleWalk.candidates(root).stream().map(ModuleWalk.Candidate::layer).toList();
    }

    /** The classifier head's layer name. */
    public String headName() {
        List<LayerSpec> c = candidates();
        return c.get(c.size() - 1).name();
    }

    /** Trainable parameters (BatchNorm running statistics excluded), as torchvision counts them. */
    public long parameterCount() {
        return candidates().stream().mapToLong(LayerSpec::parameterCount).sum();
    }
}
