package org.adabet.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The registry of architectures the pipeline can build. The full-size ones are torchvision's
 * models with their module names and parameter shapes (pretrained {@code state_dict} exports
 * load by name); the small ones are for CPU sweeps.
 */
public final class Architectures {
    /** A five-stage plain convolutional network for small images: conv-BN-ReLU stages, global pooling, linear head. */
    public static final String CONVNET_S = "convnet_s";
    /** CIFAR ResNet-8 (He et al. 2016, section 4.2), first stage {@code width} channels. */
    public static final String RESNET8 = "resnet8";
    /** CIFAR ResNet-20, first stage {@code width} channels (16 in the paper). */
    public static final String RESNET20 = "resnet20";
    /** torchvision's {@code resnet18}. */
    public static final String RESNET18 = "resnet18";
    /** torchvision's {@code resnet50}. */
    public static final String RESNET50 = "resnet50";

    private Architectures() {}

    /** Names accepted by {@link #build}. */
    public static List<String> names() {
        return List.of(CONVNET_S, RESNET8, RESNET20, RESNET18, RESNET50);
    }

    /**
     * @param width first-stage channels of {@code convnet_s}, {@code resnet8}, {@code resnet20}
     *     and {@code vgg8}; ignored by the fixed-width architectures
     * @param imageSize input height and width; ViTs need a multiple of their patch size
     * @param numClasses classifier outputs; a different count than a pretrained file's replaces the head
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static Architecture build(String name, int width, int imageSize, int numClasses) {
        if (width < 1 || imageSize < 1 || numClasses < 1) {
            throw new IllegalArgumentException("architecture " + name + ": width, image size and classes must be "
                    + "positive, were " + width + ", " + imageSize + ", " + numClasses);
        }
        return switch (name) {
            case CONVNET_S -> convnetS(width, imageSize, numClasses);
            case RESNET8 -> ResNets.cifar(RESNET8, 8, width, imageSize, numClasses);
            case RESNET20 -> ResNets.cifar(RESNET20, 20, width, imageSize, numClasses);
            case RESNET18 -> ResNets.resnet18(imageSize, numClasses);
            case RESNET50 -> ResNets.resnet50(imageSize, numClasses);
            default -> throw new IllegalArgumentException("unknown architecture '" + name + "'; known: " + names());
        };
    }

    private static Architecture convnetS(int width, int imageSize, int numClasses) {
        int[] channels = {width, 2 * width, 2 * width, 4 * width, 4 * width};
        int[] strides = {1, 2, 1, 2, 1};
        List<Module> steps = new ArrayList<>();
        int in = 3;
        for (int i = 0; i < channels.length; i++) {
            steps.add(LayerSpec.conv("features." + i + ".conv", in, channels[i], 3, strides[i]));
            steps.add(LayerSpec.batchNorm("features." + i + ".bn", channels[i]));
            steps.add(LayerSpec.relu());
            in = channels[i];
        }
        steps.add(LayerSpec.globalAvgPool());
        steps.add(LayerSpec.linear("classifier", in, numClasses));
        return new Architecture(CONVNET_S, 3, imageSize, numClasses, new Sequence(steps));
    }
}
