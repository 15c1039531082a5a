package org.adabet.memory;

import java.io.Serializable;
import java.util.List;
import org.adabet.model.LayerInfo;
import org.adabet.model.TrainableSpec;

/**
 * Analytic peak memory of retraining a selection on a device, TinyTL-style (Cai et al., "TinyTL:
 * Reduce Memory, Not Parameters for Efficient On-Device Learning", NeurIPS 2020).
 *
 * <p>For a batch of b samples, with T trainable and F frozen parameters, m the earliest layer with
 * anything to train:
 *
 * <pre>
 * parameters  = 32 T + frozenBits * F                       bits
 * gradients   = 32 T
 * optimizer   = 32 T                                        (momentum)
 * activations = b * ( sum over layers whose weights train of 32 * weightInputElements
 *                   + sum over layers at or behind m of 32 * passElements
 *                   + sum over ReLUs after layers at or behind m of outputElements )   (1-bit masks)
 * transient   = b * 32 * max over candidate layers of (inputElements + outputElements)
 * peak bytes  = ceil(sum of the above / 8)
 * </pre>
 *
 * Why: a weight gradient needs the layer's input; a bias-only layer needs none (its gradient is the
 * sum of the output gradient); a frozen linear layer (convolution, inference-mode BatchNorm) passes
 * the gradient back with its weights alone; a ReLU needs its 1-bit mask, but only where the
 * gradient flows, i.e. from the loss back to layer m. What autograd keeps inside a layer whenever
 * the gradient reaches it or its own parameters train ({@link LayerInfo#passElements()}:
 * LayerNorm's input, mean and rstd; attention's Q, K, V and softmax output; a GELU's input) is
 * counted for the layers from m on; attention's weights also keep the attention-weighted values
 * ({@link LayerInfo#weightInputElements()}).
 *
 * <p>The reference's own rule, reported beside ours, is {@link ReferenceMemory}.
 */
public record MemoryModel(int batchSize, int frozenBits) implements Serializable {

    public MemoryModel {
        if (batchSize < 1) {
            throw new IllegalArgumentException(
                    "memory model batch size must be >= 1, was " + batchSize);
        }
        if (frozenBits < 1 || frozenBits > 32) {
            throw new IllegalArgumentException(
                    "frozen bit width must be in [1, 32], was " + frozenBits);
        }
    }

    /** Our estimate of the peak memory of retraining {@code spec}. */
    public MemoryEstimate training(List<LayerInfo> layers, TrainableSpec spec) {
        long trainable = 0;
        long total = 0;
        long keptBits = 0;
        int earliest = spec.earliestTrained(layers);
        for (LayerInfo l : layers) {
            trainable += spec.trainableParameters(l);
            total += l.parameters();
            if (spec.layers().contains(l.name())) {
                keptBits += 32 * l.weightInputElements();
            }
            if (earliest >= 0 && l.index() >= earliest) {
                keptBits += passBits(l);
            }
        }
        return new MemoryEstimate(
                parameterBits(trainable, total - trainable),
                32 * trainable,
                32 * trainable,
                batchSize * keptBits,
                transientBits(layers));
    }

    /**
     * Bits that do not depend on the selection: frozen-width parameters and the transient buffer.
     */
    public long baseBits(List<LayerInfo> layers) {
        return parameterBits(0, layers.stream().mapToLong(LayerInfo::parameters).sum())
                + transientBits(layers);
    }

    /**
     * Extra bits of training layer {@code l} whole (parameters at 32 bit, gradient, momentum, what
     * its weight gradients keep).
     */
    public long layerBits(LayerInfo l) {
        return (32L - frozenBits) * l.parameters()
                + 64L * l.parameters()
                + batchSize * 32L * l.weightInputElements();
    }

    /**
     * Bits kept for the backward pass through the layers from {@code earliest} on (ReLU masks and
     * {@link LayerInfo#passElements()}), whatever else trains.
     */
    public long passBits(List<LayerInfo> layers, int earliest) {
        return batchSize
                * layers.stream()
                        .filter(l -> l.index() >= earliest)
                        .mapToLong(MemoryModel::passBits)
                        .sum();
    }

    /** Per-sample bits kept for the backward pass through one layer. */
    private static long passBits(LayerInfo l) {
        return 32 * l.passElements() + (l.reluAfter() ? l.outputElements() : 0);
    }

    /**
     * Peak memory of a forward-only selection (AdaBet): 32-bit parameters, the forward buffer of an
     * n-sample batch, the largest layer's point cloud and its n x n distance matrix.
     */
    public long forwardSelection(List<LayerInfo> layers, int points) {
        long params = 4 * layers.stream().mapToLong(LayerInfo::parameters).sum();
        long maxD = layers.stream().mapToLong(LayerInfo::outputElements).max().orElse(0);
        long perSample =
                layers.stream()
                        .mapToLong(l -> l.inputElements() + l.outputElements())
                        .max()
                        .orElse(0);
        return params + 4L * points * perSample + 4L * points * maxD + 4L * points * points;
    }

    /**
     * Peak memory of a selection with one backward pass over every layer (Fisher, RGN,
     * ElasticTrainer): 32-bit parameters and their gradients, and every activation and ReLU mask
     * kept for the batch, as full fine-tuning needs without its optimizer state.
     */
    public long backwardSelection(List<LayerInfo> layers, int points) {
        TrainableSpec all = TrainableSpec.layers(layers.stream().map(LayerInfo::name).toList());
        MemoryEstimate e = new MemoryModel(points, 32).training(layers, all);
        return MemoryEstimate.bytes(
                e.parameterBits() + e.gradientBits() + e.activationBits() + e.transientBits());
    }

    private long parameterBits(long trainable, long frozen) {
        return 32 * trainable + frozenBits * frozen;
    }

    private long transientBits(List<LayerInfo> layers) {
        return batchSize
                * 32L
                * layers.stream()
                        .mapToLong(l -> l.inputElements() + l.outputElements())
                        .max()
                        .orElse(0);
    }
}
