package org.adabet.model;

import java.io.Serializable;
import java.util.Arrays;

/**
 * One tensor of a layer, engine-neutral.
 *
 * @param local the name within the layer, as torchvision's module calls it ({@code weight}, {@code
 *     running_mean}, {@code in_proj_weight}, {@code out_proj.bias})
 * @param key the full torchvision {@code state_dict} key, e.g. {@code layer1.0.bn1.running_mean}
 * @param role what the tensor is to training
 * @param channelAxis the axis indexed by the layer's output channel (channel masks act on it)
 */
public record ParameterSpec(String local, String key, long[] shape, Role role, int channelAxis)
        implements Serializable {

    /** What a tensor is to training. */
    public enum Role {
        /** Trains with the layer. */
        WEIGHT,
        /** Trains with the layer and also in bias-only training (a norm layer's shift included). */
        BIAS,
        /** BatchNorm running statistics: never take a gradient, follow the training mode. */
        STATISTIC
    }

    public ParameterSpec {
        shape = shape.clone();
    }

    public long size() {
        return Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }
}
