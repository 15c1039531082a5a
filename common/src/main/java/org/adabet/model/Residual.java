package org.adabet.model;

/**
 * {@code out = act(main(x) + shortcut(x))}: ResNet's basic and bottleneck blocks (He et al., "Deep
 * Residual Learning for Image Recognition", CVPR 2016), MobileNetV2's inverted residual with {@code
 * use_res_connect} and the two residual halves of a ViT encoder block.
 *
 * @param shortcut null for the identity
 * @param reluAfter whether a ReLU follows the addition (ResNet); false for MobileNetV2 and ViT
 */
public record Residual(Module main, Module shortcut, boolean reluAfter) implements Module {
    public Residual {
        if (main == null) {
            throw new IllegalArgumentException("a residual block needs a main path");
        }
    }
}
