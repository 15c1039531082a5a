package org.adabet.data.io;

import java.io.Serializable;
import java.util.Objects;

/**
 * How {@link ImageFolderReader} reads a dataset.
 *
 * @param preprocessing resize, crop and normalisation applied to every image
 * @param testFraction share of each class held out for testing when the dataset gives no split, in
 *     [0, 1)
 * @param seed the run seed; the split, the per-class cap and the image order derive from it
 * @param maxPerClass at most this many images of each class in each split, chosen by seed (0 = all)
 * @param threads images decoded in parallel (results do not depend on it)
 */
public record ImageFolderOptions(
        Preprocessing preprocessing, double testFraction, long seed, int maxPerClass, int threads)
        implements Serializable {
    public ImageFolderOptions {
        Objects.requireNonNull(preprocessing, "preprocessing");
        if (!(testFraction >= 0 && testFraction < 1)) {
            throw new IllegalArgumentException(
                    "testFraction must be in [0, 1), was " + testFraction);
        }
        if (maxPerClass < 0) {
            throw new IllegalArgumentException(
                    "maxPerClass must be >= 0 (0 = no cap), was " + maxPerClass);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
    }

    /** ImageNet preprocessing at 224, a 20 % test split, no cap, one thread. */
    public static ImageFolderOptions defaults(long seed) {
        return new ImageFolderOptions(Preprocessing.IMAGENET, 0.2, seed, 0, 1);
    }

    /** These options with another preprocessing. */
    public ImageFolderOptions withPreprocessing(Preprocessing p) {
        return new ImageFolderOptions(p, testFraction, seed, maxPerClass, threads);
    }

    /** These options with another test fraction. */
    public ImageFolderOptions withTestFraction(double f) {
        return new ImageFolderOptions(preprocessing, f, seed, maxPerClass, threads);
    }

    /** These options with another per-class cap (0 = none). */
    public ImageFolderOptions withMaxPerClass(int max) {
        return new ImageFolderOptions(preprocessing, testFraction, seed, max, threads);
    }

    /** These options with another number of decoding threads. */
    public ImageFolderOptions withThreads(int n) {
        return new ImageFolderOptions(preprocessing, testFraction, seed, maxPerClass, n);
    }
}
