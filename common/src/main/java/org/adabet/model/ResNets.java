package org.adabet.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Residual networks (He, Zhang, Ren, Sun, "Deep Residual Learning for Image Recognition", CVPR
 * 2016) with torchvision's module names ({@code conv1}, {@code layer1.0.conv1}, {@code
 * layer2.0.downsample.0}, {@code fc}) and parameter shapes, so a torchvision {@code state_dict}
 * loads by name. The ImageNet stem is a 7x7/2 convolution and a 3x3/2 max pool; the CIFAR stem of
 * the paper's section 4.2 is one 3x3/1 convolution without pooling. The CIFAR variants use
 * projection shortcuts (the paper's option B, torchvision's {@code downsample}) where the shape
 * changes, not option A's zero padding.
 */
public final class ResNets {
    private ResNets() {}

    /**
     * torchvision's {@code resnet18}: basic blocks [2, 2, 2, 2], 11,689,512 parameters at 1000
     * classes.
     */
    public static Architecture resnet18(int imageSize, int numClasses) {
        return imagenet("resnet18", false, new int[] {2, 2, 2, 2}, imageSize, numClasses);
    }

    /**
     * torchvision's {@code resnet50}: bottleneck blocks [3, 4, 6, 3], 25,557,032 parameters at 1000
     * classes.
     */
    public static Architecture resnet50(int imageSize, int numClasses) {
        return imagenet("resnet50", true, new int[] {3, 4, 6, 3}, imageSize, numClasses);
    }

    /**
     * The CIFAR ResNet of depth 6n+2 (ResNet-8: n = 1, ResNet-20: n = 3): three stages of n basic
     * blocks with {@code width}, 2 x width and 4 x width channels (the paper: 16).
     */
    public static Architecture cifar(
            String name, int depth, int width, int imageSize, int numClasses) {
        if (depth < 8 || (depth - 2) % 6 != 0) {
            throw new IllegalArgumentException(
                    "CIFAR ResNet depth must be 6n+2 with n >= 1, was " + depth);
        }
        int n = (depth - 2) / 6;
        List<Module> stem =
                List.of(
                        LayerSpec.conv("conv1", 3, width, 3, 1),
                        LayerSpec.batchNorm("bn1", width),
                        LayerSpec.relu());
        return assemble(
                name,
                stem,
                false,
                new int[] {n, n, n},
                new int[] {width, 2 * width, 4 * width},
                imageSize,
                numClasses);
    }

    private static Architecture imagenet(
            String name, boolean bottleneck, int[] blocks, int imageSize, int numClasses) {
        List<Module> stem =
                List.of(
                        LayerSpec.conv("conv1", 3, 64, 7, 2),
                        LayerSpec.batchNorm("bn1", 64),
                        LayerSpec.relu(),
                        LayerSpec.maxPool(3, 2, 1));
        return assemble(
                name,
                stem,
                bottleneck,
                blocks,
                new int[] {64, 128, 256, 512},
                imageSize,
                numClasses);
    }

    private static Architecture assemble(
            String name,
            List<Module> stem,
            boolean bottleneck,
            int[] blocks,
            int[] planes,
            int imageSize,
            int numClasses) {
        List<Module> modules = new ArrayList<>(stem);
        int expansion = bottleneck ? 4 : 1;
        int in = ((LayerSpec) stem.get(0)).outChannels();
        for (int stage = 0; stage < blocks.length; stage++) {
            for (int b = 0; b < blocks[stage]; b++) {
                String prefix = "layer" + (stage + 1) + "." + b + ".";
                // torchvision puts the stride on the first block of every stage but the first.
                int stride = b == 0 && stage > 0 ? 2 : 1;
                int p = planes[stage];
                Module main =
                        bottleneck
                                ? bottleneck(prefix, in, p, stride)
                                : basic(prefix, in, p, stride);
                Module shortcut =
                        stride != 1 || in != p * expansion
                                ? Sequence.of(
                                        LayerSpec.conv(
                                                prefix + "downsample.0",
                                                in,
                                                p * expansion,
                                                1,
                                                stride),
                                        LayerSpec.batchNorm(prefix + "downsample.1", p * expansion))
                                : null;
                modules.add(new Residual(main, shortcut, true));
                in = p * expansion;
            }
        }
        modules.add(LayerSpec.globalAvgPool());
        modules.add(LayerSpec.linear("fc", in, numClasses));
        return new Architecture(name, 3, imageSize, numClasses, new Sequence(modules));
    }

    private static Module basic(String prefix, int in, int planes, int stride) {
        return Sequence.of(
                LayerSpec.conv(prefix + "conv1", in, planes, 3, stride),
                LayerSpec.batchNorm(prefix + "bn1", planes),
                LayerSpec.relu(),
                LayerSpec.conv(prefix + "conv2", planes, planes, 3, 1),
                LayerSpec.batchNorm(prefix + "bn2", planes));
    }

    /** torchvision's ResNet v1.5 bottleneck: the stride sits on the 3x3 convolution. */
    private static Module bottleneck(String prefix, int in, int planes, int stride) {
        return Sequence.of(
                LayerSpec.conv(prefix + "conv1", in, planes, 1, 1),
                LayerSpec.batchNorm(prefix + "bn1", planes),
                LayerSpec.relu(),
                LayerSpec.conv(prefix + "conv2", planes, planes, 3, stride),
                LayerSpec.batchNorm(prefix + "bn2", planes),
                LayerSpec.relu(),
                LayerSpec.conv(prefix + "conv3", planes, planes * 4, 1, 1),
                LayerSpec.batchNorm(prefix + "bn3", planes * 4));
    }
}
