package org.adabet.model;

import java.io.Serializable;

/**
 * One step of an architecture, engine-independent. Steps with trainable weights (convolution,
 * batch norm, linear) are AdaBet's candidate layers; the others only transform.
 *
 * @param name torchvision-style module path, e.g. {@code features.2.conv}; null for steps without weights
 */
public record LayerSpec(Kind kind, String name, int inChannels, int outChannels, int kernel, int stride)
        implements Serializable {

    /** What a step computes. */
    public enum Kind {
        CONV, BATCH_NORM, RELU, GLOBAL_AVG_POOL, LINEAR;

        /** Whether steps of this kind hold trainable weights (and so are candidate layers). */
        public boolean hasWeights() {
            return this == CONV || this == BATCH_NORM || this == LINEAR;
        }
    }

    static LayerSpec conv(String name, int in, int out, int kernel, int stride) {
        return new LayerSpec(Kind.CONV, name, in, out, kernel, stride);
    }

    static LayerSpec batchNorm(String name, int channels) {
        return new LayerSpec(Kind.BATCH_NORM, name, channels, channels, 0, 1);
    }

    static LayerSpec relu() {
        return new LayerSpec(Kind.RELU, null, 0, 0, 0, 1);
    }

    static LayerSpec globalAvgPool() {
        return new LayerSpec(Kind.GLOBAL_AVG_POOL, null, 0, 0, 0, 1);
    }

    static LayerSpec linear(String name, int in, int out) {
        return new LayerSpec(Kind.LINEAR, name, in, out, 0, 1);
    }
}
