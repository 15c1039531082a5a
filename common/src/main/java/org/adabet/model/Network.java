package org.adabet.model;

import java.util.Collection;
import java.util.List;

/**
 * A built network behind an engine-neutral interface: the rest of the library sees float arrays
 * and layer names, never engine types. Images are NCHW float32, {@code count} of them.
 * Not thread-safe: one task owns one network.
 */
public interface Network extends AutoCloseable {

    Architecture architecture();

    /** Candidate layers (those with trainable weights) in forward order. */
    List<LayerInfo> layers();

    /**
     * One forward pass in inference mode, returning every candidate layer's output, flattened
     * per sample: element {@code i} holds {@code count x layers().get(i).outputElements()} values.
     */
    List<float[]> activations(float[] images, int count);

    /** Predicted classes, inference mode. */
    int[] predict(float[] images, int count);

    /**
     * Makes exactly these layers trainable; every other layer is frozen: its weights get no
     * gradient and its BatchNorm statistics do not move (it runs in inference mode).
     *
     * @throws IllegalArgumentException for a name that is not a candidate layer
     */
    void setTrainable(Collection<String> layerNames);

    /**
     * One SGD step (PyTorch semantics: {@code v = momentum*v + g + weightDecay*w; w -= lr*v}) on
     * the trainable layers with softmax cross-entropy.
     *
     * @return the batch's mean loss
     * @throws IllegalStateException if the loss is not finite
     */
    double trainStep(float[] images, int[] labels, int count, double learningRate, double momentum,
            double weightDecay);

    /** A copy of every parameter and BatchNorm statistic, by torchvision-style name. */
    NetworkParameters parameters();

    @Override
    void close();
}
