package org.adabet.tda.cli;

import java.util.SplittableRandom;
import org.adabet.tda.PointCloud;

/** The benchmark's synthetic inputs, seeded per case so every run measures the same data. */
final class BenchClouds {

    private BenchClouds() {}

    static PointCloud make(String kind, int n, int dim, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[Math.multiplyExact(n, dim)];
        for (int i = 0; i < x.length; i++) {
            x[i] =
                    switch (kind) {
                        case "gaussian" -> (float) r.nextGaussian();
                        case "relu" -> (float) Math.max(0.0, r.nextGaussian());
                        case "uniform" -> (float) r.nextDouble();
                        default -> throw new IllegalArgumentException("unknown kind " + kind);
                    };
        }
        return new PointCloud(n, dim, x);
    }
}
