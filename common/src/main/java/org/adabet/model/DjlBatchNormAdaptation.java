package org.adabet.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * AdaBN on DJL (Li, Wang, Shi, Liu and Hou, "Revisiting Batch Normalization For Practical Domain
 * Adaptation", ICLR Workshops 2017): every BatchNorm's running statistics re-estimated on target
 * images, no labels, no gradient, every weight unchanged. As PyTorch's recipe ({@code
 * momentum=None}, {@code model.train()}, forward under {@code no_grad}): each batch is normalised
 * with its own statistics on the way through, and the new running mean and variance are the plain
 * (cumulative) average over batches of each batch's mean and unbiased variance.
 */
final class DjlBatchNormAdaptation {
    private DjlBatchNormAdaptation() {}

    /** Per BatchNorm layer: sums over batches of its batch means and unbiased variances. */
    private record Sums(double[] mean, double[] variance) {}

    /**
     * @param input builds the (count, C, H, W) input array of a slice of images in a scope
     */
    static void run(
            Architecture architecture,
            DjlGraph graph,
            DjlParameters parameters,
            NDManager manager,
            float[] images,
            int count,
            int batchSize,
            InputFactory input) {
        int batch = Math.min(batchSize, count);
        int batches = batch < 2 ? 0 : count / batch;
        if (batches < 1) {
            throw new IllegalArgumentException(
                    "BatchNorm adaptation needs a batch of at least 2 images, was "
                            + count
                            + " images in batches of "
                            + batchSize);
        }
        Set<String> norms = new java.util.HashSet<>();
        for (LayerSpec l : architecture.candidates()) {
            if (l.kind() == LayerSpec.Kind.BATCH_NORM) {
                norms.add(l.name());
            }
        }
        if (norms.isEmpty()) {
            throw new IllegalArgumentException(
                    architecture.name() + " has no BatchNorm layer to adapt");
        }
        DjlRuntime.noGradOnThisThread();
        int perImage = images.length / count;
        Map<String, Sums> sums = new LinkedHashMap<>();
        for (int b = 0; b < batches; b++) {
            float[] slice = new float[batch * perImage];
            System.arraycopy(images, b * batch * perImage, slice, 0, slice.length);
            try (NDManager scope = manager.newSubManager()) {
                graph.forward(
                        architecture.root(),
                        input.create(scope, slice, batch),
                        norms,
                        (layer, in, out) -> {
                            if (layer.kind() == LayerSpec.Kind.BATCH_NORM) {
                                accumulate(sums, layer.name(), in);
                            }
                            return out;
                        });
            }
        }
        // The training-mode forward moved the running statistics by DJL's momentum; they are
        // replaced whole.
        Map<String, Map<String, NDArray>> byName = parameters.byLocalName();
        sums.forEach(
                (name, s) -> {
                    byName.get(name).get("running_mean").set(average(s.mean(), batches));
                    byName.get(name).get("running_var").set(average(s.variance(), batches));
                });
    }

    /** Builds a network input from images. */
    interface InputFactory {
        NDArray create(NDManager scope, float[] images, int count);
    }

    /** Adds one batch's per-channel mean and unbiased variance (channels on axis 1). */
    private static void accumulate(Map<String, Sums> sums, String name, NDArray in) {
        long[] shape = in.getShape().getShape();
        int channels = Math.toIntExact(shape[1]);
        // (N, C, rest...) -> (C, N * rest): one row per channel.
        NDArray rows = in.reshape(shape[0], channels, -1).transpose(1, 0, 2).reshape(channels, -1);
        long m = rows.getShape().get(1);
        NDArray mean = rows.mean(new int[] {1}, true);
        NDArray variance = rows.sub(mean).square().sum(new int[] {1}).div(m - 1);
        float[] meanValues = mean.reshape(new Shape(channels)).toFloatArray();
        float[] varianceValues = variance.toFloatArray();
        Sums s =
                sums.computeIfAbsent(
                        name, k -> new Sums(new double[channels], new double[channels]));
        for (int c = 0; c < channels; c++) {
            s.mean()[c] += meanValues[c];
            s.variance()[c] += varianceValues[c];
        }
    }

    private static float[] average(double[] sum, int batches) {
        float[] out = new float[sum.length];
        for (int i = 0; i < sum.length; i++) {
            out[i] = (float) (sum[i] / batches);
        }
        return out;
    }
}
