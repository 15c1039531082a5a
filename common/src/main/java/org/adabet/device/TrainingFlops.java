package org.adabet.device;

import java.util.List;
import org.adabet.model.LayerInfo;
import org.adabet.model.TrainableSpec;

/**
 * FLOPs of one training step per sample, counted from the layers: the whole forward pass, then a
 * backward pass that computes input gradients for every layer after the earliest trained one m
 * (about its forward FLOPs each) and weight gradients for the trained parameters (about the layer's
 * forward FLOPs times the trained fraction; a bias alone costs one add per output element).
 */
public final class TrainingFlops {
    private TrainingFlops() {}

    public static long perSample(List<LayerInfo> layers, TrainableSpec spec) {
        long forward = layers.stream().mapToLong(LayerInfo::forwardFlops).sum();
        int earliest = spec.earliestTrained(layers);
        if (earliest < 0) {
            return forward;
        }
        long backward = 0;
        for (LayerInfo l : layers) {
            if (l.index() > earliest) {
                backward += l.forwardFlops();
            }
            if (spec.layers().contains(l.name())) {
                backward +=
                        l.forwardFlops()
                                * spec.trainableParameters(l)
                                / Math.max(1, l.parameters());
            } else if (spec.biasOnly().contains(l.name())) {
                backward += l.outputElements();
            }
        }
        return forward + backward;
    }
}
