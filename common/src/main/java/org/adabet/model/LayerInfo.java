package org.adabet.model;

import java.io.Serializable;

/**
 * A candidate layer of a built network, with what the selection methods and the memory model need
 * to know about it. Element and FLOP counts are per sample.
 *
 * @param index position among the candidate layers, in forward order
 * @param type {@code conv}, {@code batch_norm}, {@code linear}, {@code layer_norm}, {@code
 *     attention} (a whole multi-head attention module) or {@code embedding} (ViT's class token and
 *     position embedding)
 * @param parameters trainable parameter count (BatchNorm running statistics excluded)
 * @param biasParameters elements of the layer's bias (BatchNorm: its shift), 0 if it has none
 * @param inputElements elements of the layer's input activation
 * @param outputElements activation elements per sample: D of the layer's point cloud
 * @param channels output channels (feature maps: axis 1; token sequences and vectors: the last
 *     axis): the unit of channel selection
 * @param forwardFlops multiply-adds x 2 of the layer's forward pass
 * @param reluAfter whether a ReLU or ReLU6 follows the layer, through a residual addition at most
 *     (its 1-bit mask must be kept for a backward pass through it); after an addition only the
 *     branch walked last (the projection shortcut where there is one) carries the one mask; false
 *     before GELU, whose backward pass needs its full input
 * @param head whether this is the classifier head
 * @param weightInputElements activation elements the layer's weight gradients keep when its weights
 *     train (convolution, linear, BatchNorm: the input; attention: the input and the
 *     attention-weighted values; LayerNorm and ViT's tokens: none; see {@code LayerCost})
 * @param passElements activation elements autograd keeps whenever anything at or before the layer
 *     trains (LayerNorm: input, mean, rstd; attention: Q, K, V, softmax output; plus a following
 *     GELU's input), ReLU masks apart
 */
public record LayerInfo(
        int index,
        String name,
        String type,
        long parameters,
        long biasParameters,
        long inputElements,
        long outputElements,
        int channels,
        long forwardFlops,
        boolean reluAfter,
        boolean head,
        long weightInputElements,
        long passElements)
        implements Serializable {

    /**
     * A layer whose weight gradients keep its input and whose backward pass keeps nothing else
     * (convolutions, linear layers, BatchNorm: the layers of the CNNs).
     */
    public LayerInfo(
            int index,
            String name,
            String type,
            long parameters,
            long biasParameters,
            long inputElements,
            long outputElements,
            int channels,
            long forwardFlops,
            boolean reluAfter,
            boolean head) {
        this(
                index,
                name,
                type,
                parameters,
                biasParameters,
                inputElements,
                outputElements,
                channels,
                forwardFlops,
                reluAfter,
                head,
                inputElements,
                0);
    }

    /** A layer for tests and tools that know only its size. */
    public static LayerInfo simple(
            int index, String name, long parameters, long elements, boolean head) {
        return new LayerInfo(
                index,
                name,
                "conv",
                parameters,
                0,
                elements,
                elements,
                1,
                2 * parameters * elements,
                !head,
                head);
    }
}
