package org.adabet.tda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EuclideanDistancesTest {

    @ParameterizedTest
    @CsvSource({
        "2, 1, false",
        "7, 3, false",
        "33, 100, false",
        "40, 1000, false",
        "9, 25088, false",
        "17, 4099, false",
        "12, 3000, true",
        "21, 20000, true",
        "70, 300, true",
        "90, 1200, true"
    })
    void gramDistancesMatchDirectDoubleComputation(int n, int d, boolean uniform) {
        SplittableRandom r = new SplittableRandom(n * 31L + d);
        float[] x = new float[n * d];
        for (int i = 0; i < x.length; i++) {
            // ReLU'd activations; uniform [0, 1) has a large common component, so that every pair
            // goes through the direct fallback (n >= 64: through the centred second Gram pass).
            x[i] = uniform ? (float) r.nextDouble() : (float) Math.max(0, r.nextGaussian());
        }
        // Near-duplicates and exact duplicates: the cancellation-prone pairs.
        if (n > 3) {
            for (int c = 0; c < d; c++) {
                x[d + c] = x[c] + 1e-4f;
                x[2 * d + c] = x[c];
            }
        }
        PointCloud cloud = new PointCloud(n, d, x);
        DistanceMatrix gram = EuclideanDistances.of(cloud);
        DistanceMatrix direct = EuclideanDistances.direct(cloud);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double a = gram.distance(i, j);
                double b = direct.distance(i, j);
                assertTrue(
                        Math.abs(a - b) <= 1e-5 * b,
                        "(" + i + "," + j + ") gram " + a + " direct " + b);
            }
        }
        if (n > 3) {
            assertEquals(0f, gram.distance(0, 2));
        }
    }

    /**
     * Gram first, direct first and the adaptive choice give the same bits: the order only changes
     * the work. Clouds: uncorrelated (the Gram form resolves most pairs), a large common component
     * (it resolves few), a mix, near-duplicates and duplicates, and n = 70 (the centred pass).
     */
    @ParameterizedTest
    @CsvSource({
        "2, 5, 3, 0.0",
        "4, 17, 3, 1.0",
        "7, 1029, 3, 0.0",
        "13, 300, 3, 0.02",
        "32, 4099, 3, 0.05",
        "32, 20000, 1.1, 1.0",
        "32, 2000, 0.5, 1.0",
        "33, 64, 3, 0.3",
        "70, 300, 3, 0.05",
        "70, 3000, 1.1, 1.0"
    })
    void everyOrderGivesTheSameBits(int n, int d, double common, double spread) {
        SplittableRandom r = new SplittableRandom(n * 131L + d);
        float[] centre = new float[d];
        for (int c = 0; c < d; c++) {
            centre[c] = (float) (common * r.nextGaussian());
        }
        float[] x = new float[n * d];
        for (int i = 0; i < n; i++) {
            // Half the points near the common component, half spread around it. A common
            // component of about 1.1 (spread 1) puts most pairs just above the line where the Gram
            // form resolves them, so its rounding shows in the last bits of many distances.
            double scale = i % 2 == 0 ? spread : 1;
            for (int c = 0; c < d; c++) {
                x[i * d + c] = centre[c] + (float) (scale * r.nextGaussian());
            }
        }
        if (n > 3) {
            for (int c = 0; c < d; c++) {
                x[d + c] = x[c] + 1e-4f;
                x[2 * d + c] = x[c];
            }
        }
        PointCloud cloud = new PointCloud(n, d, x);
        DistanceMatrix gramFirst =
                EuclideanDistances.of(cloud, EuclideanDistances.Order.GRAM_FIRST);
        DistanceMatrix directFirst =
                EuclideanDistances.of(cloud, EuclideanDistances.Order.DIRECT_FIRST);
        DistanceMatrix adaptive = EuclideanDistances.of(cloud);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                int bits = Float.floatToRawIntBits(gramFirst.distance(i, j));
                assertEquals(
                        bits, Float.floatToRawIntBits(directFirst.distance(i, j)), i + "," + j);
                assertEquals(bits, Float.floatToRawIntBits(adaptive.distance(i, j)), i + "," + j);
            }
        }
    }
}
