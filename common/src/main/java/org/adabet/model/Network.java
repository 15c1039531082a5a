package org.adabet.model;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A built network behind an engine-neutral interface: the rest of the library sees float arrays and
 * layer names, never engine types. Images are NCHW float32, {@code count} of them. Not thread-safe:
 * one task owns one network.
 */
public interface Network extends AutoCloseable {

    Architecture architecture();

    /** Candidate layers (those with trainable weights) in forward order. */
    List<LayerInfo> layers();

    /**
     * One forward pass in inference mode, returning every candidate layer's output, flattened per
     * sample: element {@code i} holds {@code count x layers().get(i).outputElements()} values. Each
     * sample's values are channel-major: channel {@code c} is the c-th contiguous block of {@code
     * outputElements / channels} values (NCHW feature maps as they are; a ViT token sequence (S
     * tokens x D features) as D blocks of S values).
     */
    List<float[]> activations(float[] images, int count);

    /**
     * The classifier's outputs for {@code count} images, inference mode: {@code count x classes}
     * values. The default takes the head's captured activation; engines override it to skip the
     * captures.
     */
    default float[] logits(float[] images, int count) {
        List<float[]> all = activations(images, count);
        return all.get(all.size() - 1);
    }

    /** Predicted classes, inference mode. */
    int[] predict(float[] images, int count);

    /**
     * Makes exactly what {@code spec} names trainable; everything else is frozen: its weights get
     * no gradient step and a BatchNorm layer with nothing to train runs in inference mode, so its
     * statistics do not move. Masked channels keep their values.
     *
     * @throws IllegalArgumentException for a name that is not a candidate layer, or a mask of the
     *     wrong length
     */
    void setTrainable(TrainableSpec spec);

    /** Whole layers trainable, everything else frozen. */
    default void setTrainable(Collection<String> layerNames) {
        setTrainable(TrainableSpec.layers(layerNames));
    }

    /**
     * One backward pass over a labelled batch (inference mode, nothing changes) and, per candidate
     * layer, the gradient statistics the gradient-based selection methods read.
     */
    List<GradientStatistics> gradientStatistics(float[] images, int[] labels, int count);

    /**
     * One SGD step (PyTorch semantics: {@code v = momentum*v + g + weightDecay*w; w -= lr*v}) on
     * the trainable layers with softmax cross-entropy.
     *
     * @return the batch's mean loss
     * @throws IllegalStateException if the loss is not finite
     */
    double trainStep(
            float[] images,
            int[] labels,
            int count,
            double learningRate,
            double momentum,
            double weightDecay);

    /**
     * The latest cut of the module tree (see {@link PrefixCut}) before every layer the last {@link
     * #setTrainable} touched, with its output shape; empty when the first layer is touched or
     * nothing is. The prefix is frozen and runs in inference mode, so its output depends on the
     * image alone.
     */
    Optional<PrefixCut> frozenPrefix();

    /**
     * The prefix's output for {@code count} images, inference mode: {@code count x
     * cut.sampleElements()} values, sample after sample.
     */
    float[] prefixOutput(PrefixCut cut, float[] images, int count);

    /**
     * {@link #trainStep} on the suffix of {@code cut}, given the prefix's output for the batch: the
     * same step as from the images, provided {@code features} are what {@link #prefixOutput} gives
     * for them.
     *
     * @throws IllegalArgumentException if a touched layer lies in the prefix
     */
    double trainStepFrom(
            PrefixCut cut,
            float[] features,
            int[] labels,
            int count,
            double learningRate,
            double momentum,
            double weightDecay);

    /** {@link #predict} from the prefix's output. */
    int[] predictFrom(PrefixCut cut, float[] features, int count);

    /**
     * AdaBN: re-estimates every BatchNorm layer's running mean and variance on {@code count}
     * unlabelled images, taken in order in batches of {@code batchSize} (an incomplete last batch
     * is left out, as in training), each normalised with its own statistics on the way through; the
     * new statistics are the average over batches of the batch mean and unbiased variance
     * (PyTorch's {@code momentum=None}). No gradient, no other parameter changes.
     *
     * @throws IllegalArgumentException if the network has no BatchNorm layer, or no batch of at
     *     least two images
     */
    void adaptBatchNorm(float[] images, int count, int batchSize);

    /** A copy of every parameter and BatchNorm statistic, by torchvision-style name. */
    NetworkParameters parameters();

    @Override
    void close();
}
