package org.adabet.data.io;

import java.io.Serializable;
import java.util.List;

/**
 * Per-channel normalisation {@code (value - mean[c]) / std[c]} of RGB values in [0, 1], as
 * torchvision's {@code Normalize} after {@code ToTensor}.
 *
 * @param mean R, G, B means
 * @param std R, G, B standard deviations, all positive
 */
public record Normalization(List<Double> mean, List<Double> std) implements Serializable {
    /** ImageNet's statistics, which torchvision's pretrained models expect. */
    public static final Normalization IMAGENET = of(0.485, 0.456, 0.406, 0.229, 0.224, 0.225);

    /**
     * CIFAR-10 training-set statistics (per-channel mean and standard deviation over all pixels).
     */
    public static final Normalization CIFAR10 = of(0.4914, 0.4822, 0.4465, 0.2470, 0.2435, 0.2616);

    /** CIFAR-100 training-set statistics. */
    public static final Normalization CIFAR100 = of(0.5071, 0.4865, 0.4409, 0.2673, 0.2564, 0.2762);

    /** No normalisation: values stay in [0, 1]. */
    public static final Normalization NONE = of(0, 0, 0, 1, 1, 1);

    public Normalization {
        mean = List.copyOf(mean);
        std = List.copyOf(std);
        if (mean.size() != 3 || std.size() != 3) {
            throw new IllegalArgumentException(
                    "normalisation needs 3 means and 3 standard deviations (R, G, B), was mean "
                            + mean
                            + ", std "
                            + std);
        }
        for (int c = 0; c < 3; c++) {
            if (!Double.isFinite(mean.get(c))) {
                throw new IllegalArgumentException(
                        "normalisation mean must be finite, was " + mean);
            }
            if (!(std.get(c) > 0) || !Double.isFinite(std.get(c))) {
                throw new IllegalArgumentException(
                        "normalisation std must be positive and finite, was " + std);
            }
        }
    }

    /** From the three means followed by the three standard deviations. */
    public static Normalization of(
            double meanR, double meanG, double meanB, double stdR, double stdG, double stdB) {
        return new Normalization(List.of(meanR, meanG, meanB), List.of(stdR, stdG, stdB));
    }

    /** Normalises one channel plane of values in [0, 1] in place. */
    void apply(int channel, float[] plane, int from, int length) {
        float m = mean.get(channel).floatValue();
        float s = std.get(channel).floatValue();
        for (int i = from; i < from + length; i++) {
            plane[i] = (plane[i] - m) / s;
        }
    }
}
