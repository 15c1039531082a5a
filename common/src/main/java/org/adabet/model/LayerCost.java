package org.adabet.model;

/**
 * Forward FLOPs of one layer per sample (a multiply-add counts 2), and the activation elements per
 * sample that PyTorch autograd keeps for its backward pass, from its spec and activation sizes.
 */
final class LayerCost {
    private LayerCost() {}

    static long forwardFlops(LayerSpec spec, long inputElements, long outputElements) {
        return switch (spec.kind()) {
            // Each output element is a dot product over (in-channels / groups) x kernel window.
            case CONV ->
                    2L
                            * spec.inChannels()
                            / spec.groups()
                            * spec.kernel()
                            * spec.kernel()
                            * outputElements;
            // Inference-mode normalisation is one scale and one shift per element.
            case BATCH_NORM -> 2L * outputElements;
            // Each output feature (of every token) is a dot product over the input features.
            case LINEAR -> 2L * spec.inChannels() * outputElements;
            // Mean, variance, normalisation, scale and shift: about 8 operations per element.
            case LAYER_NORM -> 8L * outputElements;
            case ATTENTION -> attention(spec, outputElements);
            default -> outputElements;
        };
    }

    /**
     * Q/K/V projections 6SD^2, scores and weighted sum 4S^2D, output projection 2SD^2 (softmax
     * ignored).
     */
    private static long attention(LayerSpec spec, long outputElements) {
        long d = spec.outChannels();
        long s = outputElements / d;
        return 8L * s * d * d + 4L * s * s * d;
    }

    /**
     * Elements per sample that the layer's weight gradients need beyond what {@link #passElements}
     * keeps, counted when the layer's weights train: a convolution's, linear layer's or BatchNorm's
     * input; multi-head attention's input (for {@code in_proj_weight}) and the attention-weighted
     * values, the input of {@code out_proj} (S x D, as many as its output); none for LayerNorm (its
     * input is kept whenever the gradient reaches it) and ViT's tokens (the gradient of an added or
     * concatenated parameter needs no activation).
     */
    static long weightInputElements(LayerSpec spec, long inputElements, long outputElements) {
        return switch (spec.kind()) {
            case LAYER_NORM, TOKENS -> 0;
            case ATTENTION -> inputElements + outputElements;
            default -> inputElements;
        };
    }

    /**
     * Elements per sample autograd keeps for the backward pass through the layer and through a GELU
     * right after it, counted whenever anything at or before the layer trains (the gradient then
     * reaches it, or its own parameters need these):
     *
     * <ul>
     *   <li>LayerNorm ({@code native_layer_norm}): its input, and the mean and reciprocal standard
     *       deviation of every normalised row (tokens x 2);
     *   <li>multi-head attention (the math path: {@code softmax(QK^T / sqrt(d)) V}, as our graph
     *       computes it): Q, K and V (3 x S x D, saved by the two batched products) and the softmax
     *       output (heads x S x S, saved by softmax and by the product with V); the projections are
     *       linear, so frozen ones need their weights alone. Fused kernels (flash,
     *       memory-efficient) keep a log-sum-exp per row instead of the S x S weights; not
     *       modelled;
     *   <li>a GELU after the layer: its input, the layer's output (its derivative depends on the
     *       value, a 1-bit mask does not do).
     * </ul>
     *
     * ReLU masks are counted apart ({@link LayerInfo#reluAfter()}).
     */
    static long passElements(
            LayerSpec spec, long inputElements, long outputElements, boolean geluAfter) {
        long own =
                switch (spec.kind()) {
                    case LAYER_NORM -> inputElements + 2 * (inputElements / spec.inChannels());
                    case ATTENTION -> {
                        long d = spec.outChannels();
                        long s = outputElements / d;
                        yield 3 * s * d + (long) spec.extra() * s * s;
                    }
                    default -> 0;
                };
        return own + (geluAfter ? outputElements : 0);
    }
}
