package org.adabet.model;

import java.util.ArrayList;
import java.util.List;

/**
 * MobileNetV2 (Sandler, Howard, Zhu, Zhmoginov, Chen, "MobileNetV2: Inverted Residuals and Linear
 * Bottlenecks", CVPR 2018) as torchvision builds it: module names ({@code features.0.0}, {@code
 * features.3.conv.1.0}, {@code classifier.1}), channel rounding ({@code _make_divisible}), ReLU6,
 * and the identity shortcut exactly where {@code use_res_connect} (stride 1 and equal channels)
 * puts it. The classifier's dropout is left out (deterministic training; it is the identity at
 * inference).
 */
public final class MobileNetV2s {
    /**
     * torchvision's inverted residual setting: expansion t, channels c, repeats n, first stride s.
     */
    private static final int[][] SETTING = {
        {1, 16, 1, 1},
        {6, 24, 2, 2},
        {6, 32, 3, 2},
        {6, 64, 4, 2},
        {6, 96, 3, 1},
        {6, 160, 3, 2},
        {6, 320, 1, 1}
    };

    private MobileNetV2s() {}

    /**
     * torchvision's {@code mobilenet_v2(width_mult=...)}: 3,504,872 parameters at width 1.0 and
     * 1000 classes.
     */
    public static Architecture build(String name, double widthMult, int imageSize, int numClasses) {
        if (!(widthMult > 0)) {
            throw new IllegalArgumentException(
                    "MobileNetV2 width multiplier must be positive, was " + widthMult);
        }
        List<Module> features = new ArrayList<>();
        int in = makeDivisible(32 * widthMult);
        int last = makeDivisible(1280 * Math.max(1.0, widthMult));
        features.add(convBnRelu6("features.0", 3, in, 3, 2, 1));
        int index = 1;
        for (int[] row : SETTING) {
            int out = makeDivisible(row[1] * widthMult);
            for (int i = 0; i < row[2]; i++) {
                features.add(
                        invertedResidual(
                                "features." + index, in, out, i == 0 ? row[3] : 1, row[0]));
                in = out;
                index++;
            }
        }
        features.add(convBnRelu6("features." + index, in, last, 1, 1, 1));
        features.add(LayerSpec.globalAvgPool());
        features.add(LayerSpec.linear("classifier.1", last, numClasses));
        return new Architecture(name, 3, imageSize, numClasses, new Sequence(features));
    }

    private static Module invertedResidual(String prefix, int in, int out, int stride, int expand) {
        int hidden = (int) Math.round(in * (double) expand);
        List<Module> layers = new ArrayList<>();
        int i = 0;
        if (expand != 1) {
            layers.add(convBnRelu6(prefix + ".conv." + i++, in, hidden, 1, 1, 1));
        }
        layers.add(convBnRelu6(prefix + ".conv." + i++, hidden, hidden, 3, stride, hidden));
        layers.add(LayerSpec.conv(prefix + ".conv." + i++, hidden, out, 1, 1, 0, 1, false));
        layers.add(LayerSpec.batchNorm(prefix + ".conv." + i, out));
        Module main = new Sequence(layers);
        // No activation after the addition: the bottleneck is linear (Sandler et al., section 3.2).
        return stride == 1 && in == out ? new Residual(main, null, false) : main;
    }

    /** torchvision's Conv2dNormActivation: bias-free convolution, BatchNorm, ReLU6. */
    private static Module convBnRelu6(
            String prefix, int in, int out, int kernel, int stride, int groups) {
        return Sequence.of(
                LayerSpec.conv(
                        prefix + ".0", in, out, kernel, stride, (kernel - 1) / 2, groups, false),
                LayerSpec.batchNorm(prefix + ".1", out),
                LayerSpec.op(LayerSpec.Kind.RELU6));
    }

    /**
     * torchvision's {@code _make_divisible(v, 8)}: nearest multiple of 8, at least 8, never 10%
     * below v.
     */
    static int makeDivisible(double v) {
        int divisor = 8;
        int rounded = Math.max(divisor, (int) (v + divisor / 2.0) / divisor * divisor);
        return rounded < 0.9 * v ? rounded + divisor : rounded;
    }
}
