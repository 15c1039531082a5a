package org.adabet.data;

import java.util.SplittableRandom;

/**
 * One coloured, oriented grating under a Gaussian envelope: the building block of the synthetic
 * images. A class is a fixed set of strokes; a sample jitters their position, angle, frequency,
 * phase and strength.
 */
record Stroke(
        double cx,
        double cy,
        double theta,
        double frequency,
        double phase,
        double sigma,
        double[] colour) {

    /** A random stroke whose centre lies in the middle part of a {@code size}-pixel image. */
    static Stroke random(SplittableRandom rng, int size) {
        double margin = size * 0.25;
        double[] colour = new double[3];
        for (int c = 0; c < 3; c++) {
            colour[c] = rng.nextDouble(-1, 1);
        }
        return new Stroke(
                rng.nextDouble(margin, size - margin),
                rng.nextDouble(margin, size - margin),
                rng.nextDouble(0, Math.PI),
                rng.nextDouble(0.08, 0.3),
                rng.nextDouble(0, 2 * Math.PI),
                rng.nextDouble(size * 0.1, size * 0.2),
                colour);
    }

    /** This stroke as it appears in one sample: moved by (dx, dy), slightly turned and rescaled. */
    Stroke jitter(SplittableRandom rng, double dx, double dy) {
        double strength = rng.nextDouble(0.5, 1.5);
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            c[i] = colour[i] * strength;
        }
        return new Stroke(
                cx + dx,
                cy + dy,
                theta + 0.15 * rng.nextGaussian(),
                frequency * rng.nextDouble(0.9, 1.1),
                rng.nextDouble(0, 2 * Math.PI),
                sigma,
                c);
    }

    /** Adds {@code amplitude} times this stroke to a CHW image of the given size. */
    void paint(float[] image, int size, double amplitude) {
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        double inv2s2 = 1.0 / (2 * sigma * sigma);
        int plane = size * size;
        for (int y = 0; y < size; y++) {
            double ry = y - cy;
            for (int x = 0; x < size; x++) {
                double rx = x - cx;
                double envelope = Math.exp(-(rx * rx + ry * ry) * inv2s2);
                if (envelope < 1e-4) {
                    continue;
                }
                double v =
                        amplitude
                                * envelope
                                * Math.cos(2 * Math.PI * frequency * (rx * cos + ry * sin) + phase);
                int p = y * size + x;
                for (int c = 0; c < 3; c++) {
                    image[c * plane + p] += (float) (v * colour[c]);
                }
            }
        }
    }
}
