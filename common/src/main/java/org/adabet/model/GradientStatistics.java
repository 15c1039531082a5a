package org.adabet.model;

import java.io.Serializable;

/**
 * Gradient statistics of one candidate layer from one labelled batch (mean cross-entropy loss).
 *
 * @param fisher TinyTrain-style Fisher information of the layer's output activation a: 1/2 * sum
 *     over samples and output channels of (sum over the channel's positions of a * dL/da)^2
 * @param gradientNorm ||dL/dtheta|| over the layer's trainable parameters
 * @param parameterNorm ||theta|| over the same parameters
 */
public record GradientStatistics(
        String layer, double fisher, double gradientNorm, double parameterNorm)
        implements Serializable {

    /**
     * Surgical fine-tuning's relative gradient norm ||dL/dtheta|| / ||theta|| (0 for all-zero
     * parameters).
     */
    public double relativeGradientNorm() {
        return parameterNorm == 0 ? 0 : gradientNorm / parameterNorm;
    }
}
