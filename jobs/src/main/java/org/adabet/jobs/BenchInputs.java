package org.adabet.jobs;

import java.util.Arrays;
import java.util.Collection;
import java.util.SplittableRandom;
import org.adabet.data.ImageSet;

/** What the training benchmarks share: their random images and the median of their timings. */
final class BenchInputs {
    /** Image side of every training benchmark (the quick sweep's). */
    static final int SIZE = 32;

    /** Classes of every training benchmark's images and heads. */
    static final int CLASSES = 10;

    private BenchInputs() {}

    /**
     * {@code count} RGB images of standard normal pixels and uniformly drawn labels (the cost of a
     * step does not depend on the values).
     */
    static ImageSet gaussianImages(String name, int count, SplittableRandom rng) {
        float[] pixels = new float[count * 3 * SIZE * SIZE];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) rng.nextGaussian();
        }
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = rng.nextInt(CLASSES);
        }
        return new ImageSet(name, 3, SIZE, SIZE, pixels, labels, CLASSES);
    }

    static double median(Collection<Double> values) {
        return median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
