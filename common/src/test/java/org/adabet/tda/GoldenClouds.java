package org.adabet.tda;

import java.util.SplittableRandom;

/**
 * Deterministic test point clouds, identical on every JVM: {@link SplittableRandom}'s sequence is
 * specified, and {@link StrictMath} fixes every transcendental. The golden files store only the
 * recipe (kind, n, D, seed); the clouds are regenerated here both by the regeneration script and by
 * the tests, so the committed files stay small.
 */
final class GoldenClouds {

    private GoldenClouds() {}

    static PointCloud make(String kind, int n, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n * d];
        switch (kind) {
            case "gaussian" -> fill(x, r, false);
            case "relu" -> {
                fill(x, r, false);
                for (int i = 0; i < x.length; i++) {
                    x[i] = Math.max(0f, x[i]);
                }
            }
            case "uniform" -> fill(x, r, true);
            case "circle" -> {
                // Noisy unit circle in the first two coordinates, small noise in the others.
                for (int i = 0; i < n; i++) {
                    double t = 2 * Math.PI * r.nextDouble();
                    x[i * d] = (float) (StrictMath.cos(t) + 0.05 * gaussian(r));
                    x[i * d + 1] = (float) (StrictMath.sin(t) + 0.05 * gaussian(r));
                    for (int c = 2; c < d; c++) {
                        x[i * d + c] = (float) (0.05 * gaussian(r));
                    }
                }
            }
            case "torus" -> {
                // Torus with radii 2 and 0.8 in the first three coordinates.
                for (int i = 0; i < n; i++) {
                    double u = 2 * Math.PI * r.nextDouble();
                    double v = 2 * Math.PI * r.nextDouble();
                    x[i * d] = (float) ((2 + 0.8 * StrictMath.cos(v)) * StrictMath.cos(u));
                    x[i * d + 1] = (float) ((2 + 0.8 * StrictMath.cos(v)) * StrictMath.sin(u));
                    x[i * d + 2] = (float) (0.8 * StrictMath.sin(v));
                }
            }
            case "clusters" -> {
                // Three tight clusters around far-apart centres.
                double[][] centres = new double[3][d];
                for (double[] c : centres) {
                    for (int k = 0; k < d; k++) {
                        c[k] = 10 * gaussian(r);
                    }
                }
                for (int i = 0; i < n; i++) {
                    double[] c = centres[i % 3];
                    for (int k = 0; k < d; k++) {
                        x[i * d + k] = (float) (c[k] + 0.5 * gaussian(r));
                    }
                }
            }
            case "duplicates" -> {
                // Every point of the first half appears again in the second half.
                int half = (n + 1) / 2;
                for (int i = 0; i < half * d && i < x.length; i++) {
                    x[i] = (float) gaussian(r);
                }
                for (int i = half; i < n; i++) {
                    System.arraycopy(x, (i - half) * d, x, i * d, d);
                }
            }
            case "grid" -> {
                // Integer coordinates in {0, 1, 2}: many exactly tied distances.
                for (int i = 0; i < x.length; i++) {
                    x[i] = r.nextInt(3);
                }
            }
            default -> throw new IllegalArgumentException("unknown cloud kind " + kind);
        }
        return new PointCloud(n, d, x);
    }

    private static void fill(float[] x, SplittableRandom r, boolean uniform) {
        for (int i = 0; i < x.length; i++) {
            x[i] = uniform ? (float) r.nextDouble() : (float) gaussian(r);
        }
    }

    /** Box–Muller, one value per call (the second is discarded to keep the recipe simple). */
    static double gaussian(SplittableRandom r) {
        double u = 1.0 - r.nextDouble();
        double v = r.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * Math.PI * v);
    }
}
