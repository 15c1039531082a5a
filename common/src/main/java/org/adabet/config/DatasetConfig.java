package org.adabet.config;

import java.io.Serializable;

/**
 * A dataset on disk usable as a sweep target by its name.
 *
 * @param format {@code image-folder} (class folders, or the CUB-200, Oxford-IIIT Pets, Flowers-102,
 *     Stanford Dogs layouts) or {@code cifar} (CIFAR-10/100 binaries)
 * @param classes how many classes it must have (checked when it is read)
 * @param testFraction share of each class held out for testing when the dataset has no split of its
 *     own
 * @param maxPerClass cap on images per class and split (0: all)
 */
public record DatasetConfig(
        String name, String format, String path, int classes, double testFraction, int maxPerClass)
        implements Serializable {

    public DatasetConfig {
        String key = "adabet.data.datasets[" + name + "]";
        Check.notBlank("adabet.data.datasets name", name);
        if (!name.matches("[A-Za-z0-9_.-]+")) {
            throw new ConfigException(
                    key
                            + ".name may hold only letters, digits, '_', '.' and '-', was '"
                            + name
                            + "'");
        }
        if (!format.equals("image-folder") && !format.equals("cifar")) {
            throw new ConfigException(
                    key + ".format must be image-folder or cifar, was '" + format + "'");
        }
        Check.notBlank(key + ".path", path);
        Check.atLeast(key + ".classes", classes, 2);
        Check.inUnitInterval(key + ".test-fraction", testFraction, true);
        Check.atLeast(key + ".max-per-class", maxPerClass, 0);
    }
}
