package org.adabet.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The registry of architectures the pipeline can build. The full-size ones are torchvision's models
 * with their module names and parameter shapes (pretrained {@code state_dict} exports load by
 * name); the small ones are for CPU sweeps.
 */
public final class Architectures {
    /**
     * A five-stage plain convolutional network for small images: conv-BN-ReLU stages, global
     * pooling, linear head.
     */
    public static final String CONVNET_S = "convnet_s";

    /** CIFAR ResNet-8 (He et al. 2016, section 4.2), first stage {@code width} channels. */
    public static final String RESNET8 = "resnet8";

    /** CIFAR ResNet-20, first stage {@code width} channels (16 in the paper). */
    public static final String RESNET20 = "resnet20";

    /** torchvision's {@code resnet18}. */
    public static final String RESNET18 = "resnet18";

    /** torchvision's {@code resnet50}. */
    public static final String RESNET50 = "resnet50";

    /**
     * A VGG-8 with BatchNorm for small images, first stage {@code width} channels (Simonyan and
     * Zisserman 2015).
     */
    public static final String VGG8 = "vgg8";

    /** torchvision's {@code vgg16}. */
    public static final String VGG16 = "vgg16";

    /** torchvision's {@code vgg16_bn}. */
    public static final String VGG16_BN = "vgg16_bn";

    /** torchvision's {@code mobilenet_v2} (Sandler et al. 2018). */
    public static final String MOBILENET_V2 = "mobilenet_v2";

    /** torchvision's {@code mobilenet_v2(width_mult=0.35)}. */
    public static final String MOBILENET_V2_035 = "mobilenet_v2_035";

    /**
     * A small ViT for 32x32 inputs: patch 4 (image size / 8 patches a side), 4 layers, 4 heads,
     * width 64, MLP 128.
     */
    public static final String VIT_TINY = "vit_tiny";

    /** torchvision's {@code vit_b_16} (Dosovitskiy et al. 2021). */
    public static final String VIT_B_16 = "vit_b_16";

    private Architectures() {}

    /** Names accepted by {@link #build}. */
    public static List<String> names() {
        return List.of(
                CONVNET_S,
                RESNET8,
                RESNET20,
                RESNET18,
                RESNET50,
                VGG8,
                VGG16,
                VGG16_BN,
                MOBILENET_V2,
                MOBILENET_V2_035,
                VIT_TINY,
                VIT_B_16);
    }

    /**
     * @param width first-stage channels of {@code convnet_s}, {@code resnet8}, {@code resnet20} and
     *     {@code vgg8}; ignored by the fixed-width architectures
     * @param imageSize input height and width; ViTs need a multiple of their patch size
     * @param numClasses classifier outputs; a different count than a pretrained file's replaces the
     *     head
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static Architecture build(String name, int width, int imageSize, int numClasses) {
        if (width < 1 || imageSize < 1 || numClasses < 1) {
            throw new IllegalArgumentException(
                    "architecture "
                            + name
                            + ": width, image size and classes must be "
                            + "positive, were "
                            + width
                            + ", "
                            + imageSize
                            + ", "
                            + numClasses);
        }
        return switch (name) {
            case CONVNET_S -> convnetS(width, imageSize, numClasses);
            case RESNET8 -> ResNets.cifar(RESNET8, 8, width, imageSize, numClasses);
            case RESNET20 -> ResNets.cifar(RESNET20, 20, width, imageSize, numClasses);
            case RESNET18 -> ResNets.resnet18(imageSize, numClasses);
            case RESNET50 -> ResNets.resnet50(imageSize, numClasses);
            case VGG8 -> Vggs.vgg8(width, imageSize, numClasses);
            case VGG16 -> Vggs.vgg16(false, imageSize, numClasses);
            case VGG16_BN -> Vggs.vgg16(true, imageSize, numClasses);
            case MOBILENET_V2 -> MobileNetV2s.build(MOBILENET_V2, 1.0, imageSize, numClasses);
            case MOBILENET_V2_035 ->
                    MobileNetV2s.build(MOBILENET_V2_035, 0.35, imageSize, numClasses);
            case VIT_TINY ->
                    VisionTransformers.build(
                            VIT_TINY,
                            imageSize,
                            Math.max(1, imageSize / 8),
                            4,
                            4,
                            64,
                            128,
                            numClasses);
            case VIT_B_16 -> VisionTransformers.vitB16(imageSize, numClasses);
            default ->
                    throw new IllegalArgumentException(
                            "unknown architecture '" + name + "'; known: " + names());
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
