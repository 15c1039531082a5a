package org.adabet.model;

import java.util.ArrayList;
import java.util.List;

/**
 * VGG networks (Simonyan, Zisserman, "Very Deep Convolutional Networks for Large-Scale Image
 * Recognition", ICLR 2015) as torchvision builds them: {@code features.i} numbered over every
 * convolution, BatchNorm, ReLU and max pool, adaptive average pooling to 7x7, and {@code
 * classifier.0/3/6} (dropout left out: deterministic training, identity at inference). Convolutions
 * keep their bias also before BatchNorm, as torchvision's.
 */
public final class Vggs {
    /** Max pooling in a configuration. */
    private static final int M = -1;

    private static final int[] VGG16 = {
        64, 64, M, 128, 128, M, 256, 256, 256, M, 512, 512, 512, M, 512, 512, 512, M
    };

    private Vggs() {}

    /**
     * torchvision's {@code vgg16} (138,357,544 parameters) or {@code vgg16_bn} (138,365,992) at
     * 1000 classes.
     */
    public static Architecture vgg16(boolean batchNorm, int imageSize, int numClasses) {
        return build(
                batchNorm ? "vgg16_bn" : "vgg16", VGG16, batchNorm, 7, 4096, imageSize, numClasses);
    }

    /**
     * A VGG-8 for small images: five 3x3 convolutions with BatchNorm ({@code width}, 2, 4, 8, 8 x
     * width channels, each followed by 2x2 max pooling), global pooling (adaptive to 1x1) and three
     * linear layers of 16 x width units.
     */
    public static Architecture vgg8(int width, int imageSize, int numClasses) {
        int[] config = {width, M, 2 * width, M, 4 * width, M, 8 * width, M, 8 * width, M};
        return build("vgg8", config, true, 1, 16 * width, imageSize, numClasses);
    }

    private static Architecture build(
            String name,
            int[] config,
            boolean batchNorm,
            int pooled,
            int hidden,
            int imageSize,
            int numClasses) {
        long pools = java.util.Arrays.stream(config).filter(c -> c == M).count();
        if (imageSize < 1L << pools) {
            throw new IllegalArgumentException(
                    name
                            + " halves its input "
                            + pools
                            + " times: image size must be at least "
                            + (1L << pools)
                            + ", was "
                            + imageSize);
        }
        List<Module> modules = new ArrayList<>();
        int index = 0;
        int in = 3;
        for (int c : config) {
            if (c == M) {
                modules.add(LayerSpec.maxPool(2, 2, 0));
                index++;
                continue;
            }
            modules.add(LayerSpec.conv("features." + index++, in, c, 3, 1, 1, 1, true));
            if (batchNorm) {
                modules.add(LayerSpec.batchNorm("features." + index++, c));
            }
            modules.add(LayerSpec.relu());
            index++;
            in = c;
        }
        modules.add(LayerSpec.adaptiveAvgPool(pooled));
        modules.add(LayerSpec.op(LayerSpec.Kind.FLATTEN));
        modules.add(LayerSpec.linear("classifier.0", in * pooled * pooled, hidden));
        modules.add(LayerSpec.relu());
        modules.add(LayerSpec.linear("classifier.3", hidden, hidden));
        modules.add(LayerSpec.relu());
        modules.add(LayerSpec.linear("classifier.6", hidden, numClasses));
        return new Architecture(name, 3, imageSize, numClasses, new Sequence(modules));
    }
}
