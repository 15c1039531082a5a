package org.adabet.data.io;

import java.io.Serializable;
import java.util.Objects;

/**
 * How {@link CifarReader} reads CIFAR.
 *
 * @param normalization per-channel statistics ({@link Normalization#CIFAR10} or {@link
 *     Normalization#CIFAR100} for models trained on CIFAR, {@link Normalization#IMAGENET} for
 *     ImageNet-pretrained ones)
 * @param size output side: 32 keeps CIFAR's resolution, anything else resizes bilinearly
 * @param maxPerClass at most this many images of each class in each split, the first in file order
 *     (CIFAR's files are already shuffled); 0 = all
 */
public record CifarOptions(Normalization normalization, int size, int maxPerClass)
        implements Serializable {
    public CifarOptions {
        Objects.requireNonNull(normalization, "normalization");
        if (size < 1) {
            throw new IllegalArgumentException("CIFAR size must be positive, was " + size);
        }
        if (maxPerClass < 0) {
            throw new IllegalArgumentException(
                    "maxPerClass must be >= 0 (0 = no cap), was " + maxPerClass);
        }
    }

    /** CIFAR-10 statistics, 32x32, every image. */
    public static CifarOptions cifar10() {
        return new CifarOptions(Normalization.CIFAR10, CifarReader.SIDE, 0);
    }

    /** CIFAR-100 statistics, 32x32, every image. */
    public static CifarOptions cifar100() {
        return new CifarOptions(Normalization.CIFAR100, CifarReader.SIDE, 0);
    }
}
