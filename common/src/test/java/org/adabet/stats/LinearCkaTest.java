package org.adabet.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LinearCkaTest {
    private static final float[] X = {1, 2, 3, 1, 0, 0, 2, 5};
    private static final float[] Y = {1, 0, 2, 0, 1, 1, 1, 1, 0, 3, 0, 1};

    @Test
    void matchesTheFeatureSpaceFormulaComputedWithNumpy() {
        // ||Yc^T Xc||_F^2 / (||Xc^T Xc||_F ||Yc^T Yc||_F) with numpy on the same 4 samples.
        assertEquals(0.7010085574239923, LinearCka.of(X, Y, 4), 1e-12);
        assertEquals(LinearCka.of(Y, X, 4), LinearCka.of(X, Y, 4), 1e-12);
    }

    @Test
    void isOneForTheSameRepresentationUpToRotationScaleAndShift() {
        assertEquals(1, LinearCka.of(X, X, 4), 1e-12);
        // Rotate by 90 degrees, scale by 3, shift by 7: (a, b) -> (7 - 3b, 7 + 3a).
        float[] moved = new float[X.length];
        for (int i = 0; i < 4; i++) {
            moved[2 * i] = 7 - 3 * X[2 * i + 1];
            moved[2 * i + 1] = 7 + 3 * X[2 * i];
        }
        assertEquals(1, LinearCka.of(X, moved, 4), 1e-12);
    }

    @Test
    void aConstantSideSharesNothing() {
        float[] constant = {2, 2, 2, 2, 2, 2, 2, 2};
        assertEquals(0, LinearCka.of(X, constant, 4));
        assertEquals(1, LinearCka.of(constant, constant, 4));
    }
}
