package org.adabet.model;

/** Forward FLOPs of one layer per sample (a multiply-add counts 2), from its spec and activation sizes. */
final class LayerCost {
    private LayerCost() {}

    static long forwardFlops(LayerSpec spec, long inputElements, long outputElements) {
        return switch (spec.kind()) {
            // Each output element is a dot product over in-channels x kernel window.
            case CONV -> 2L * spec.inChannels() * spec.kernel() * spec.kernel() * outputElements;
            // Inference-mode normalisation is one scale and one shift per element.
            case BATCH_NORM -> 2L * outputElements;
            case LINEAR -> 2L * inputElements * outputElements;
            case RELU, GLOBAL_AVG_POOL -> outputElements;
        };
    }
}
