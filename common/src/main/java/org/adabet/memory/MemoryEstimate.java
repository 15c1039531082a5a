package org.adabet.memory;

import java.io.Serializable;

/**
 * Peak training memory of one selection, by component, kept in bits so that the total is exactly
 * additive over layers (the memory-budget knapsack relies on it); bytes are rounded up.
 *
 * @param parameterBits trainable parameters at 32 bit plus frozen ones at the frozen bit width
 * @param gradientBits 32-bit gradients of the trainable parameters
 * @param optimizerBits SGD momentum buffers of the trainable parameters
 * @param activationBits activations and ReLU masks kept for the backward pass, for the whole batch
 * @param transientBits the largest forward buffer (input + output of one layer), for the whole
 *     batch
 */
public record MemoryEstimate(
        long parameterBits,
        long gradientBits,
        long optimizerBits,
        long activationBits,
        long transientBits)
        implements Serializable {

    /** Peak bytes: the sum of the components, rounded up once. */
    public long total() {
        return bytes(parameterBits + gradientBits + optimizerBits + activationBits + transientBits);
    }

    public long parameters() {
        return bytes(parameterBits);
    }

    public long gradients() {
        return bytes(gradientBits);
    }

    public long optimizerState() {
        return bytes(optimizerBits);
    }

    public long activations() {
        return bytes(activationBits);
    }

    public long transientBuffer() {
        return bytes(transientBits);
    }

    static long bytes(long bits) {
        return (bits + 7) / 8;
    }
}
