package org.adabet.model;

import java.io.Serializable;
import java.util.List;

/**
 * An engine-independent network description: its module tree and the input it expects. The last
 * candidate layer is the classifier head. Everything here (candidate layers, parameter counts,
 * tensor names) is known without building the network, so plan-time code needs no engine.
 */
public record Architecture(
        String name, int inputChannels, int imageSize, int numClasses, Module root)
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

    /**
     * The candidate layer each tensor belongs to, by torchvision {@code state_dict} key, in forward
     * order. Not always the key minus its last component: {@code class_token} belongs to {@code
     * encoder.pos_embedding}, {@code ...self_attention.out_proj.weight} to {@code
     * ...self_attention}.
     */
    public java.util.Map<String, String> tensorLayers() {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        for (LayerSpec layer : candidates()) {
            layer.parameters().forEach(p -> out.put(p.key(), layer.name()));
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /**
     * Every tensor's description by {@code state_dict} key, in forward order: its shape, role
     * (weight, bias, running statistic) and the axis a channel mask acts on (the leading one,
     * except ViT's class token and position embedding: the last).
     */
    public java.util.Map<String, ParameterSpec> tensorSpecs() {
        java.util.Map<String, ParameterSpec> out = new java.util.LinkedHashMap<>();
        for (LayerSpec layer : candidates()) {
            layer.parameters().forEach(p -> out.put(p.key(), p));
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /** Trainable parameters (BatchNorm running statistics excluded), as torchvision counts them. */
    public long parameterCount() {
        return candidates().stream().mapToLong(LayerSpec::parameterCount).sum();
    }
}
