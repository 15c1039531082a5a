package org.adabet.model;

/**
 * Forward FLOPs of one layer per sample (a multiply-add counts 2), from its spec and activation
 * sizes.
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
}
