package org.adabet.model;

import java.util.ArrayList;
import java.util.List;

/** The registry of architectures the pipeline can build. */
public final class Architectures {
    /** A five-stage plain convolutional network for small images: conv-BN-ReLU stages, global pooling, linear head. */
    public static final String CONVNET_S = "convnet_s";

    private Architectures() {}

    /** Names accepted by {@link #build}. */
    public static List<String> names() {
        return List.of(CONVNET_S);
    }

    /**
     * @param width channels of the first stage
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static Architecture build(String name, int width, int imageSize, int numClasses) {
        if (CONVNET_S.equals(name)) {
            return convnetS(width, imageSize, numClasses);
        }
        throw new IllegalArgumentException("unknown architecture '" + name + "'; known: " + names());
    }

    private static Architecture convnetS(int width, int imageSize, int numClasses) {
        int[] channels = {width, 2 * width, 2 * width, 4 * width, 4 * width};
        int[] strides = {1, 2, 1, 2, 1};
        List<LayerSpec> steps = new ArrayList<>();
        int in = 3;
        for (int i = 0; i < channels.length; i++) {
            steps.add(LayerSpec.conv("features." + i + ".conv", in, channels[i], 3, strides[i]));
            steps.add(LayerSpec.batchNorm("features." + i + ".bn", channels[i]));
            steps.add(LayerSpec.relu());
            in = channels[i];
        }
        steps.add(LayerSpec.globalAvgPool());
        steps.add(LayerSpec.linear("classifier", in, numClasses));
        return new Architecture(CONVNET_S, 3, imageSize, numClasses, steps);
    }
}
