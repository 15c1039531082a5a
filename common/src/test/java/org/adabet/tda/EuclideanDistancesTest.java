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
}
