package org.adabet.model;

import java.util.SplittableRandom;

/** Seeded random training batches for the model tests: Gaussian RGB images, uniform labels. */
final class RandomBatches {
    private RandomBatches() {}

    /** {@code count} images of 3 x size x size standard-normal values. */
    static float[] images(SplittableRandom rng, int count, int size) {
        float[] x = new float[count * 3 * size * size];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        return x;
    }

    /** {@code count} labels uniform over {@code classes}. */
    static int[] labels(SplittableRandom rng, int count, int classes) {
        int[] y = new int[count];
        for (int i = 0; i < count; i++) {
            y[i] = rng.nextInt(classes);
        }
        return y;
    }
}
